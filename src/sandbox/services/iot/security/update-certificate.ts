import type { UpdateCertificateRequest } from "@aws-sdk/client-iot";
import { oneOf } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { invalidRequest, scopeKey } from "../common.js";
import { C, certificates, requireCertificate } from "./helpers.js";

/** Statuses IoT uses internally; setting them is refused. */
const INTERNAL_STATUSES = new Set(["PENDING_TRANSFER", "PENDING_ACTIVATION"]);

/**
 * CRT-3: sets the status (idempotent); a REVOKED certificate cannot become ACTIVE again. Live MQTT
 * connections of a certificate made INACTIVE or REVOKED are closed (the broker hears the event).
 */
export const updateCertificate = defineOperation<UpdateCertificateRequest, Record<string, never>>({
  name: "UpdateCertificate",
  constraints: {
    certificateId: C.certificateId,
    newStatus: oneOf(
      "ACTIVE",
      "INACTIVE",
      "REVOKED",
      "PENDING_TRANSFER",
      "REGISTER_INACTIVE",
      "PENDING_ACTIVATION",
    ),
  },
  handler: (input, ctx) => {
    const doc = requireCertificate(ctx, input.certificateId as string);
    const status = input.newStatus as NonNullable<UpdateCertificateRequest["newStatus"]>;
    if (INTERNAL_STATUSES.has(status))
      throw invalidRequest(`The certificate status cannot be set to ${status}`);
    if (doc.status === "REVOKED" && status === "ACTIVE")
      throw invalidRequest("A revoked certificate cannot be activated");
    if (doc.status === status) return {};
    doc.status = status;
    doc.lastModifiedDate = ctx.clock.now().toISOString();
    certificates(ctx).put(doc.certificateId, doc);
    if (status === "INACTIVE" || status === "REVOKED")
      ctx.events.emit({
        type: "certificate.disabled",
        scope: scopeKey(ctx),
        certificateArn: doc.certificateArn,
        status,
      });
    return {};
  },
});
