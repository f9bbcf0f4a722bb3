import { generateKeyPairSync } from "node:crypto";
import type { CreateKeysAndCertificateRequest, CreateKeysAndCertificateResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { createCertificate } from "./helpers.js";

/** CRT-1: a fresh 2048-bit RSA key pair and a certificate for it, INACTIVE unless setAsActive. */
export const createKeysAndCertificate = defineOperation<
  CreateKeysAndCertificateRequest,
  CreateKeysAndCertificateResponse
>({
  name: "CreateKeysAndCertificate",
  handler: (input, ctx) => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const doc = createCertificate(
      ctx,
      { spkiDer: publicKey.export({ type: "spki", format: "der" }) },
      input.setAsActive === true,
    );
    return {
      certificateArn: doc.certificateArn,
      certificateId: doc.certificateId,
      certificatePem: doc.certificatePem,
      keyPair: {
        PublicKey: publicKey.export({ type: "spki", format: "pem" }) as string,
        PrivateKey: privateKey.export({ type: "pkcs1", format: "pem" }) as string,
      },
    };
  },
});
