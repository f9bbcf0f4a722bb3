import type { DescribeCertificateRequest, DescribeCertificateResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { C, requireCertificate } from "./helpers.js";

/** CRT-1: the stored certificate with its status, owner, dates and validity. */
export const describeCertificate = defineOperation<DescribeCertificateRequest, DescribeCertificateResponse>({
  name: "DescribeCertificate",
  constraints: { certificateId: C.certificateId },
  handler: (input, ctx) => {
    const doc = requireCertificate(ctx, input.certificateId as string);
    return {
      certificateDescription: {
        certificateArn: doc.certificateArn,
        certificateId: doc.certificateId,
        status: doc.status,
        certificatePem: doc.certificatePem,
        ownedBy: doc.ownedBy,
        creationDate: new Date(doc.creationDate),
        lastModifiedDate: new Date(doc.lastModifiedDate),
        customerVersion: doc.customerVersion,
        generationId: doc.generationId,
        transferData: {},
        validity: { notBefore: new Date(doc.validity.notBefore), notAfter: new Date(doc.validity.notAfter) },
        certificateMode: "DEFAULT",
      },
    };
  },
});
