import type { OperationDefinition } from "../../types.js";
import { attachPolicy } from "./attach-policy.js";
import { attachThingPrincipal } from "./attach-thing-principal.js";
import { createCertificateFromCsr } from "./create-certificate-from-csr.js";
import { createKeysAndCertificate } from "./create-keys-and-certificate.js";
import { createPolicy } from "./create-policy.js";
import { deleteCertificate } from "./delete-certificate.js";
import { deletePolicy } from "./delete-policy.js";
import { describeCertificate } from "./describe-certificate.js";
import { detachPolicy } from "./detach-policy.js";
import { detachThingPrincipal } from "./detach-thing-principal.js";
import { getPolicy } from "./get-policy.js";
import { listAttachedPolicies } from "./list-attached-policies.js";
import { listCertificates } from "./list-certificates.js";
import { listPolicies } from "./list-policies.js";
import { listPrincipalThings } from "./list-principal-things.js";
import { listTargetsForPolicy } from "./list-targets-for-policy.js";
import { listThingPrincipals } from "./list-thing-principals.js";
import { updateCertificate } from "./update-certificate.js";

export const securityOperations: OperationDefinition[] = [
  createKeysAndCertificate,
  createCertificateFromCsr,
  describeCertificate,
  listCertificates,
  updateCertificate,
  deleteCertificate,
  attachThingPrincipal,
  detachThingPrincipal,
  listThingPrincipals,
  listPrincipalThings,
  createPolicy,
  getPolicy,
  listPolicies,
  deletePolicy,
  attachPolicy,
  detachPolicy,
  listAttachedPolicies,
  listTargetsForPolicy,
];
