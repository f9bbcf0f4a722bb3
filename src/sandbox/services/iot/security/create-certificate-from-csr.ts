import type { CreateCertificateFromCsrRequest, CreateCertificateFromCsrResponse } from "@aws-sdk/client-iot";
import { len } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { invalidRequest } from "../common.js";
import { createCertificate } from "./helpers.js";
import { verifyCsr } from "./x509.js";

/** CRT-1: certifies the key of a valid, correctly self-signed CSR (its subject is kept); 400 otherwise. */
export const createCertificateFromCsr = defineOperation<
  CreateCertificateFromCsrRequest,
  CreateCertificateFromCsrResponse
>({
  name: "CreateCertificateFromCsr",
  constraints: { certificateSigningRequest: len(1, 4096, "^[\\s\\S]*$") },
  handler: (input, ctx) => {
    const csr = verifyCsr(input.certificateSigningRequest as string);
    if (typeof csr === "string") throw invalidRequest(csr);
    const doc = createCertificate(ctx, csr, input.setAsActive === true);
    return {
      certificateArn: doc.certificateArn,
      certificateId: doc.certificateId,
      certificatePem: doc.certificatePem,
    };
  },
});
