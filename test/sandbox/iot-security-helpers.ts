/** Shared by the IoT certificate/policy tests: error assertions, CSRs, unique names, things. */
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { CreateThingCommand, type IoTClient } from "@aws-sdk/client-iot";
import forge from "node-forge";

interface RestJsonError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Asserts that the call fails with the modelled error name and HTTP status. */
export async function rejectsWith(
  call: Promise<unknown>,
  name: string,
  status: number,
  message?: RegExp,
): Promise<void> {
  await assert.rejects(call, (e: RestJsonError) => {
    assert.equal(e.name, name, `error (got ${e.name}: ${e.message})`);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (message) assert.match(e.message ?? "", message);
    return true;
  });
}

/** A PEM PKCS#10 request for a fresh RSA key, signed with SHA-256. */
export function rsaCsr(commonName: string, modulusLength = 2048): { csrPem: string; publicKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength });
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }) as string;
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  csr.setSubject([{ name: "commonName", value: commonName }]);
  csr.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }) as string),
    forge.md.sha256.create(),
  );
  return { csrPem: forge.pki.certificationRequestToPem(csr), publicKeyPem };
}

/** The same CSR with one character of its subject changed, so its signature no longer matches. */
export function tamperedCsr(csrPem: string, commonName: string): string {
  const body = csrPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const der = Buffer.from(body, "base64");
  const at = der.indexOf(Buffer.from(commonName, "utf8"));
  assert.ok(at > 0);
  der[at] = der[at] === 0x41 ? 0x42 : 0x41;
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE REQUEST-----\n${lines.join("\n")}\n-----END CERTIFICATE REQUEST-----\n`;
}

let counter = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

/** Creates a thing through the registry (another area's operation, needed for CRT-2). */
export async function createThing(iot: IoTClient, thingName: string): Promise<void> {
  await iot.send(new CreateThingCommand({ thingName }));
}
