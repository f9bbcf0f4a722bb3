import type { DeleteCertificateRequest } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { RELATION, relation, scopeKey } from "../common.js";
import { C, certificates, requireCertificate } from "./helpers.js";

/**
 * CRT-4: only a certificate that is not ACTIVE (406) and attached to no thing (409) is
 * deleted; attached IoT policies are a 409 too unless forceDelete, which detaches them.
 */
export const deleteCertificate = defineOperation<DeleteCertificateRequest, Record<string, never>>({
  name: "DeleteCertificate",
  constraints: { certificateId: C.certificateId },
  handler: (input, ctx) => {
    const doc = requireCertificate(ctx, input.certificateId as string);
    if (doc.status === "ACTIVE")
      throw new ServiceError(
        "CertificateStateException",
        "Certificate must be deactivated (not ACTIVE) before deletion.",
      );
    if (doc.status === "PENDING_TRANSFER")
      throw new ServiceError(
        "CertificateStateException",
        "A certificate pending transfer cannot be deleted.",
      );
    const things = relation(ctx, RELATION.thingPrincipals).sources(doc.certificateArn);
    if (things.length > 0)
      throw new ServiceError(
        "DeleteConflictException",
        `Things must be detached before deletion (arn: ${doc.certificateArn}, things: ${things.join(", ")})`,
      );
    const policyTargets = relation(ctx, RELATION.policyTargets);
    const attachedPolicies = policyTargets.sources(doc.certificateArn);
    if (attachedPolicies.length > 0 && input.forceDelete !== true)
      throw new ServiceError(
        "DeleteConflictException",
        `Certificate policies must be detached before deletion (arn: ${doc.certificateArn})`,
      );
    policyTargets.unlinkAllTo(doc.certificateArn);
    certificates(ctx).delete(doc.certificateId);
    ctx.events.emit({
      type: "certificate.disabled",
      scope: scopeKey(ctx),
      certificateArn: doc.certificateArn,
      status: "DELETED",
    });
    return {};
  },
});
