import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreateCertificateFromCsrCommand,
  CreateKeysAndCertificateCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { rsaCsr } from "./iot-security-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const caOf = (dataDir: string) => new X509Certificate(readFileSync(join(dataDir, "ca.pem")));

test("CRT-1: the data directory's CA (ca.pem, key ca-key.pem mode 0600) exists from the first start and is a CA", () => {
  const ca = caOf(sb.dataDir);
  assert.equal(ca.ca, true);
  assert.equal(ca.subject, ca.issuer);
  assert.ok(ca.verify(ca.publicKey));
  assert.equal(statSync(join(sb.dataDir, "ca-key.pem")).mode & 0o777, 0o600);
});

test("CRT-1: CreateKeysAndCertificate and CreateCertificateFromCsr certificates are signed by the data directory's CA", async () => {
  const ca = caOf(sb.dataDir);
  const keys = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  const fromCsr = await iot.send(
    new CreateCertificateFromCsrCommand({ certificateSigningRequest: rsaCsr("ca-check").csrPem }),
  );
  for (const pem of [keys.certificatePem, fromCsr.certificatePem]) {
    const cert = new X509Certificate(pem ?? "");
    assert.ok(cert.checkIssued(ca), "issued by the CA's name");
    assert.ok(cert.verify(ca.publicKey), "signed by the CA's key");
  }
});

test("CRT-1: the CA is kept across restarts and another data directory gets a CA of its own", async () => {
  const before = readFileSync(join(sb.dataDir, "ca.pem"), "utf8");
  await sb.restart();
  assert.equal(readFileSync(join(sb.dataDir, "ca.pem"), "utf8"), before);
  const cert = await iot.send(new CreateKeysAndCertificateCommand({}));
  assert.ok(new X509Certificate(cert.certificatePem ?? "").verify(caOf(sb.dataDir).publicKey));
  const other = await startSandbox();
  try {
    const otherCa = caOf(other.dataDir);
    assert.notEqual(otherCa.fingerprint256, caOf(sb.dataDir).fingerprint256);
    assert.notEqual(otherCa.subject, caOf(sb.dataDir).subject);
  } finally {
    await other.dispose();
  }
});
