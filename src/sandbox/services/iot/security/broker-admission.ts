/**
 * Who may connect to the sandbox broker with a client certificate (section 11, MQTT over TLS):
 * the certificate must be a certificate record of the scope (issued by CreateKeysAndCertificate or
 * CreateCertificateFromCsr, or registered) and ACTIVE; INACTIVE, REVOKED, deleted and unknown
 * certificates are refused. Records are found by their id, the SHA-256 of the DER (ID-3), so the
 * issuer does not matter, as for AWS's certificates registered without a CA.
 */
import { createHash } from "node:crypto";
import type { OperationContext } from "../../types.js";
import { certificates } from "./helpers.js";

export type CertificateAdmission =
  { admitted: true; certificateId: string; certificateArn: string } | { admitted: false; reason: string };

export function admitCertificate(ctx: OperationContext, certificateDer: Buffer): CertificateAdmission {
  const certificateId = createHash("sha256").update(certificateDer).digest("hex");
  const doc = certificates(ctx).get(certificateId);
  if (!doc) return { admitted: false, reason: `certificate ${certificateId} is not registered` };
  if (doc.status !== "ACTIVE")
    return { admitted: false, reason: `certificate ${certificateId} is ${doc.status}` };
  return { admitted: true, certificateId, certificateArn: doc.certificateArn };
}
