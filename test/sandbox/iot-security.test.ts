import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateCertificateFromCsrCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  DeleteCertificateCommand,
  DescribeCertificateCommand,
  DetachThingPrincipalCommand,
  IoTClient,
  ListCertificatesCommand,
  ListPrincipalThingsCommand,
  ListTargetsForPolicyCommand,
  ListThingPrincipalsCommand,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";
import forge from "node-forge";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { createThing, rejectsWith, rsaCsr, tamperedCsr, uniqueName } from "./iot-security-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const newCertificate = (setAsActive = false) =>
  iot.send(new CreateKeysAndCertificateCommand({ setAsActive }));
const describe = (certificateId: string) => iot.send(new DescribeCertificateCommand({ certificateId }));
const sha256Hex = (der: Buffer) => createHash("sha256").update(der).digest("hex");
const authorityKeyId = (pem: string) =>
  forge.pki.certificateFromPem(pem).getExtension("authorityKeyIdentifier") as { value: string } | undefined;

test("CRT-1 ID-3: CreateKeysAndCertificate returns a real RSA-2048 key pair and a certificate for it", async () => {
  const out = await newCertificate(true);
  const x509 = new X509Certificate(out.certificatePem ?? "");
  assert.equal(out.certificateId, sha256Hex(x509.raw));
  assert.equal(out.certificateArn, `arn:aws:iot:${sb.region}:${sb.accountId}:cert/${out.certificateId}`);
  const publicKey = createPublicKey(out.keyPair?.PublicKey ?? "");
  assert.equal(publicKey.asymmetricKeyType, "rsa");
  assert.equal(publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.deepEqual(
    x509.publicKey.export({ type: "spki", format: "der" }),
    publicKey.export({ type: "spki", format: "der" }),
  );
  assert.ok(x509.checkPrivateKey(createPrivateKey(out.keyPair?.PrivateKey ?? "")));
  assert.match(out.keyPair?.PrivateKey ?? "", /^-----BEGIN RSA PRIVATE KEY-----/);
  assert.equal(x509.subject, "CN=AWS IoT Certificate");
  assert.notEqual(x509.issuer, x509.subject);
  assert.equal(x509.ca, false);
  assert.equal(new Date(x509.validTo).toISOString(), "2049-12-31T23:59:59.000Z");
  const described = (await describe(out.certificateId ?? "")).certificateDescription;
  assert.equal(described?.status, "ACTIVE");
  assert.equal(described?.certificatePem, out.certificatePem);
  assert.equal(described?.certificateArn, out.certificateArn);
  assert.equal(described?.ownedBy, sb.accountId);
  assert.ok(described?.creationDate instanceof Date);
  assert.equal(described?.validity?.notAfter?.toISOString(), "2049-12-31T23:59:59.000Z");
  assert.equal(described?.certificateMode, "DEFAULT");
});

test("CRT-1: certificates are INACTIVE unless setAsActive, and all are signed by the same sandbox CA", async () => {
  const a = await iot.send(new CreateKeysAndCertificateCommand({}));
  const b = await newCertificate(true);
  assert.equal((await describe(a.certificateId ?? "")).certificateDescription?.status, "INACTIVE");
  assert.notEqual(a.certificateId, b.certificateId);
  assert.notEqual(a.keyPair?.PrivateKey, b.keyPair?.PrivateKey);
  const issuerA = new X509Certificate(a.certificatePem ?? "").issuer;
  assert.equal(new X509Certificate(b.certificatePem ?? "").issuer, issuerA);
  assert.ok(authorityKeyId(a.certificatePem ?? ""));
  assert.deepEqual(authorityKeyId(a.certificatePem ?? ""), authorityKeyId(b.certificatePem ?? ""));
});

test("CRT-1: CreateCertificateFromCsr certifies the CSR key and subject; invalid CSRs are 400", async () => {
  const { csrPem, publicKeyPem } = rsaCsr("device-0001");
  const out = await iot.send(
    new CreateCertificateFromCsrCommand({ certificateSigningRequest: csrPem, setAsActive: true }),
  );
  const x509 = new X509Certificate(out.certificatePem ?? "");
  assert.equal(out.certificateId, sha256Hex(x509.raw));
  assert.equal(x509.subject, "CN=device-0001");
  assert.deepEqual(
    x509.publicKey.export({ type: "spki", format: "der" }),
    createPublicKey(publicKeyPem).export({ type: "spki", format: "der" }),
  );
  assert.equal((await describe(out.certificateId ?? "")).certificateDescription?.status, "ACTIVE");
  const bad = (certificateSigningRequest: string) =>
    iot.send(new CreateCertificateFromCsrCommand({ certificateSigningRequest }));
  await rejectsWith(bad(tamperedCsr(csrPem, "device-0001")), "InvalidRequestException", 400, /signature/);
  await rejectsWith(bad("not a csr"), "InvalidRequestException", 400);
  await rejectsWith(
    bad("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
    "InvalidRequestException",
    400,
  );
  await rejectsWith(bad(rsaCsr("weak", 1024).csrPem), "InvalidRequestException", 400, /2048/);
});

test("CRT-1: an EC P-256 CSR made by openssl is certified too", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iotdm-csr-"));
  try {
    const csrFile = join(dir, "ec.csr");
    execFileSync("openssl", [
      "req",
      "-new",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      join(dir, "ec.key"),
      "-out",
      csrFile,
      "-subj",
      "/CN=ec-device/O=iotdm",
    ]);
    const out = await iot.send(
      new CreateCertificateFromCsrCommand({ certificateSigningRequest: readFileSync(csrFile, "utf8") }),
    );
    const x509 = new X509Certificate(out.certificatePem ?? "");
    assert.equal(x509.publicKey.asymmetricKeyType, "ec");
    assert.equal(x509.subject, "CN=ec-device\nO=iotdm");
    assert.ok(x509.checkPrivateKey(createPrivateKey(readFileSync(join(dir, "ec.key")))));
    assert.equal(out.certificateId, sha256Hex(x509.raw));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ListCertificates: newest first by default, ascendingOrder reverses, marker paging", async () => {
  const created: string[] = [];
  for (let i = 0; i < 3; i++) {
    // Creation dates have a one-second resolution: make each one distinct.
    await sb.advanceClock(2);
    created.push((await newCertificate()).certificateId ?? "");
  }
  const collect = async (ascendingOrder?: boolean) => {
    const ids: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iot.send(new ListCertificatesCommand({ pageSize: 2, marker, ascendingOrder }));
      assert.ok((page.certificates ?? []).length <= 2);
      for (const c of page.certificates ?? []) {
        assert.equal(c.certificateArn, `arn:aws:iot:${sb.region}:${sb.accountId}:cert/${c.certificateId}`);
        assert.ok(c.creationDate instanceof Date);
        ids.push(c.certificateId ?? "");
      }
      marker = page.nextMarker;
    } while (marker);
    return ids;
  };
  const descending = await collect();
  const ascending = await collect(true);
  assert.deepEqual(descending.slice(0, 3), [...created].reverse());
  assert.deepEqual(ascending.slice(-3), created);
  assert.deepEqual([...ascending].reverse(), descending);
  await rejectsWith(
    iot.send(new ListCertificatesCommand({ marker: "bad marker!" })),
    "InvalidRequestException",
    400,
  );
});

test("CRT-3: UpdateCertificate sets the status idempotently; REVOKED cannot become ACTIVE", async () => {
  const { certificateId = "" } = await newCertificate(true);
  const update = (newStatus: "ACTIVE" | "INACTIVE" | "REVOKED" | "PENDING_TRANSFER") =>
    iot.send(new UpdateCertificateCommand({ certificateId, newStatus }));
  await update("INACTIVE");
  await update("INACTIVE");
  assert.equal((await describe(certificateId)).certificateDescription?.status, "INACTIVE");
  await update("ACTIVE");
  await update("REVOKED");
  await rejectsWith(update("ACTIVE"), "InvalidRequestException", 400);
  await rejectsWith(update("PENDING_TRANSFER"), "InvalidRequestException", 400);
  assert.equal((await describe(certificateId)).certificateDescription?.status, "REVOKED");
  await rejectsWith(
    iot.send(new UpdateCertificateCommand({ certificateId: "a".repeat(64), newStatus: "INACTIVE" })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new UpdateCertificateCommand({ certificateId: "xyz", newStatus: "INACTIVE" })),
    "InvalidRequestException",
    400,
  );
  await rejectsWith(
    iot.send(new UpdateCertificateCommand({ certificateId, newStatus: "BROKEN" as "ACTIVE" })),
    "InvalidRequestException",
    400,
  );
});

test("CRT-2: AttachThingPrincipal / ListThingPrincipals / ListPrincipalThings / DetachThingPrincipal (idempotent)", async () => {
  const thing = uniqueName("thing");
  const other = uniqueName("thing");
  await createThing(iot, thing);
  await createThing(iot, other);
  const cert = await newCertificate(true);
  const a = await newCertificate();
  const principal = cert.certificateArn ?? "";
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: a.certificateArn }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: other, principal }));
  const principals = await iot.send(new ListThingPrincipalsCommand({ thingName: thing }));
  assert.deepEqual(principals.principals, [principal, a.certificateArn].sort());
  const first = await iot.send(new ListThingPrincipalsCommand({ thingName: thing, maxResults: 1 }));
  assert.equal(first.principals?.length, 1);
  assert.ok(first.nextToken);
  const second = await iot.send(
    new ListThingPrincipalsCommand({ thingName: thing, nextToken: first.nextToken }),
  );
  assert.deepEqual([...(first.principals ?? []), ...(second.principals ?? [])], principals.principals);
  assert.equal(second.nextToken, undefined);
  const things = await iot.send(new ListPrincipalThingsCommand({ principal }));
  assert.deepEqual(things.things, [thing, other].sort());

  await iot.send(new DetachThingPrincipalCommand({ thingName: other, principal }));
  await iot.send(new DetachThingPrincipalCommand({ thingName: other, principal }));
  assert.deepEqual((await iot.send(new ListPrincipalThingsCommand({ principal }))).things, [thing]);
  assert.deepEqual((await iot.send(new ListThingPrincipalsCommand({ thingName: other }))).principals, []);

  const missingThing = uniqueName("missing");
  await rejectsWith(
    iot.send(new AttachThingPrincipalCommand({ thingName: missingThing, principal })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new ListThingPrincipalsCommand({ thingName: missingThing })),
    "ResourceNotFoundException",
    404,
  );
  const unknownCert = `arn:aws:iot:${sb.region}:${sb.accountId}:cert/${"b".repeat(64)}`;
  await rejectsWith(
    iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: unknownCert })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new ListPrincipalThingsCommand({ principal: unknownCert })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: "not-a-principal" })),
    "InvalidRequestException",
    400,
  );
});

test("CRT-2: an EXCLUSIVE_THING attachment binds the certificate to one thing", async () => {
  const one = uniqueName("excl");
  const two = uniqueName("excl");
  await createThing(iot, one);
  await createThing(iot, two);
  const principal = (await newCertificate()).certificateArn ?? "";
  await iot.send(
    new AttachThingPrincipalCommand({ thingName: one, principal, thingPrincipalType: "EXCLUSIVE_THING" }),
  );
  await rejectsWith(
    iot.send(new AttachThingPrincipalCommand({ thingName: two, principal })),
    "InvalidRequestException",
    400,
  );
  await iot.send(new DetachThingPrincipalCommand({ thingName: one, principal }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: two, principal }));
  await rejectsWith(
    iot.send(
      new AttachThingPrincipalCommand({ thingName: one, principal, thingPrincipalType: "EXCLUSIVE_THING" }),
    ),
    "InvalidRequestException",
    400,
  );
});

test("CRT-4: DeleteCertificate preconditions (406 ACTIVE, 409 thing, 409 policy unless forceDelete), 404 unknown", async () => {
  const thing = uniqueName("del");
  await createThing(iot, thing);
  const cert = await newCertificate(true);
  const certificateId = cert.certificateId ?? "";
  const principal = cert.certificateArn ?? "";
  const policyName = uniqueName("pol");
  await iot.send(
    new CreatePolicyCommand({
      policyName,
      policyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "iot:*", Resource: "*" }],
      }),
    }),
  );
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal }));
  await iot.send(new AttachPolicyCommand({ policyName, target: principal }));
  const del = (forceDelete?: boolean) =>
    iot.send(new DeleteCertificateCommand({ certificateId, forceDelete }));
  await rejectsWith(del(), "CertificateStateException", 406);
  await iot.send(new UpdateCertificateCommand({ certificateId, newStatus: "INACTIVE" }));
  await rejectsWith(del(true), "DeleteConflictException", 409, /[Tt]hing/);
  await iot.send(new DetachThingPrincipalCommand({ thingName: thing, principal }));
  await rejectsWith(del(), "DeleteConflictException", 409, /polic/);
  await del(true);
  await rejectsWith(describe(certificateId), "ResourceNotFoundException", 404);
  await rejectsWith(del(), "ResourceNotFoundException", 404);
  assert.deepEqual((await iot.send(new ListTargetsForPolicyCommand({ policyName }))).targets, []);
  const revoked = await newCertificate(true);
  await iot.send(
    new UpdateCertificateCommand({ certificateId: revoked.certificateId, newStatus: "REVOKED" }),
  );
  await iot.send(new DeleteCertificateCommand({ certificateId: revoked.certificateId }));
});

test("CRT-1 CRT-2: certificates, attachments and the sandbox CA survive a kill -9 restart", async () => {
  const thing = uniqueName("persist");
  await createThing(iot, thing);
  const before = await newCertificate(true);
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: before.certificateArn }));
  await sb.restart({ kill: true });
  assert.equal(
    (await describe(before.certificateId ?? "")).certificateDescription?.certificatePem,
    before.certificatePem,
  );
  assert.deepEqual((await iot.send(new ListThingPrincipalsCommand({ thingName: thing }))).principals, [
    before.certificateArn,
  ]);
  const afterRestart = await newCertificate();
  assert.deepEqual(
    authorityKeyId(afterRestart.certificatePem ?? ""),
    authorityKeyId(before.certificatePem ?? ""),
  );
});
