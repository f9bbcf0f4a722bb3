import type { ListCertificatesRequest, ListCertificatesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { C, type CertificateDoc, certificates, pageByCreation } from "./helpers.js";

const byCreation = (c: CertificateDoc): string => `${c.creationDate}/${c.certificateId}`;

/** Certificates by creation date, newest first unless ascendingOrder, `marker` paging. */
export const listCertificates = defineOperation<ListCertificatesRequest, ListCertificatesResponse>({
  name: "ListCertificates",
  constraints: { pageSize: C.pageSize, marker: C.marker },
  handler: (input, ctx) => {
    const all = certificates(ctx)
      .list()
      .map(({ doc }) => doc);
    const page = pageByCreation(all, byCreation, input);
    return {
      certificates: page.items.map((c) => ({
        certificateArn: c.certificateArn,
        certificateId: c.certificateId,
        status: c.status,
        certificateMode: "DEFAULT",
        creationDate: new Date(c.creationDate),
      })),
      nextMarker: page.nextMarker,
    };
  },
});
