/**
 * The sandbox's certificate authority: one per data directory (`ca.pem`, and `ca-key.pem` readable
 * only by its owner), created on first start. It signs the device certificates the IoT security
 * operations issue (CRT-1) and the broker's TLS server certificate, so a client that trusts
 * `ca.pem` (IOTDM_CA_FILE) verifies the broker as a device verifies AWS IoT with Amazon's root CA.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import {
  type IssuedCertificate,
  issueCertificate,
  keyIdentifier,
  NOT_AFTER,
  subjectOf,
} from "./services/iot/security/x509.js";
import { nameToAsn1 } from "../common/der.js";

export const CA_CERT_FILE = "ca.pem";
export const CA_KEY_FILE = "ca-key.pem";

export interface SandboxCa {
  /** Absolute path of the CA certificate (what clients trust). */
  certificateFile: string;
  certificatePem: string;
  privateKey: KeyObject;
  /** The CA's subject (the issuer of everything it signs) and key identifier. */
  subject: ReturnType<typeof subjectOf>;
  keyId: Buffer;
}

/** Certificates issued now are valid from a little earlier, so a client's slightly slow clock accepts them. */
const BACKDATE_MS = 60 * 60 * 1000;

const loaded = new Map<string, SandboxCa>();

/** The CA of the instance with this data directory, created (and kept) on first use. */
export function sandboxCa(dataDir: string): SandboxCa {
  const known = loaded.get(dataDir);
  if (known) return known;
  const certificateFile = join(dataDir, CA_CERT_FILE);
  const keyFile = join(dataDir, CA_KEY_FILE);
  if (!existsSync(certificateFile) || !existsSync(keyFile)) createCa(dataDir, certificateFile, keyFile);
  chmodSync(keyFile, 0o600);
  const certificatePem = readFileSync(certificateFile, "utf8");
  const privateKey = createPrivateKey(readFileSync(keyFile, "utf8"));
  const certificateDer = pemBody(certificatePem);
  const spkiDer = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const ca = {
    certificateFile,
    certificatePem,
    privateKey,
    subject: subjectOf(certificateDer),
    keyId: keyIdentifier(spkiDer),
  };
  loaded.set(dataDir, ca);
  return ca;
}

function createCa(dataDir: string, certificateFile: string, keyFile: string): void {
  mkdirSync(dataDir, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  // A name of its own per data directory: two instances' CAs are told apart in any trust store.
  const name = nameToAsn1([
    ["CN", `iotdm sandbox CA ${randomBytes(4).toString("hex")}`],
    ["OU", "Sandbox"],
    ["O", "iotdm"],
  ]);
  const cert = issueCertificate({
    subject: name,
    issuer: name,
    spkiDer: publicKey.export({ type: "spki", format: "der" }),
    signingKey: privateKey,
    notBefore: new Date(Date.now() - BACKDATE_MS),
    notAfter: NOT_AFTER,
    isCa: true,
  });
  // Key first, each written whole then renamed: a reader never sees half a CA.
  const pending = `.${process.pid}.tmp`;
  writeFileSync(keyFile + pending, privateKey.export({ type: "pkcs8", format: "pem" }) as string, {
    mode: 0o600,
  });
  renameSync(keyFile + pending, keyFile);
  writeFileSync(certificateFile + pending, cert.pem);
  renameSync(certificateFile + pending, certificateFile);
}

/** Signs a certificate for a subject key with the CA (device certificates: CRT-1). */
export function issueWithCa(
  ca: SandboxCa,
  subjectKey: { spkiDer: Buffer; subject: ReturnType<typeof nameToAsn1> },
  notBefore: Date,
  server?: { dnsNames: string[]; ipAddresses: string[] },
): IssuedCertificate {
  return issueCertificate({
    subject: subjectKey.subject,
    issuer: ca.subject,
    authorityKeyId: ca.keyId,
    spkiDer: subjectKey.spkiDer,
    signingKey: ca.privateKey,
    notBefore,
    notAfter: NOT_AFTER,
    isCa: false,
    server,
  });
}

/**
 * A fresh TLS server certificate and key for the broker, signed by the CA, naming 127.0.0.1,
 * localhost and the host the sandbox listens on (a wildcard address names nothing).
 */
export function issueServerCertificate(
  ca: SandboxCa,
  host: string,
): { certificatePem: string; keyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const names = new Set(["127.0.0.1", "localhost", host.replace(/^\[|\]$/g, "")]);
  names.delete("0.0.0.0");
  names.delete("::");
  const all = [...names];
  const cert = issueWithCa(
    ca,
    {
      spkiDer: publicKey.export({ type: "spki", format: "der" }),
      subject: nameToAsn1([["CN", "iotdm sandbox broker"]]),
    },
    new Date(Date.now() - BACKDATE_MS),
    { dnsNames: all.filter((n) => isIP(n) === 0), ipAddresses: all.filter((n) => isIP(n) !== 0) },
  );
  return {
    certificatePem: cert.pem + ca.certificatePem,
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  };
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
}
