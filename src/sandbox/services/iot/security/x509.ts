/**
 * Real X.509 for the sandbox (CRT-1): certificates are DER-encoded with node-forge's ASN.1
 * writer and signed by a per-scope sandbox CA with node:crypto, so any subject key type AWS IoT
 * accepts (RSA >= 2048, EC P-256/P-384/P-521) can be certified, and CSRs are really verified.
 */
import { createHash, createPublicKey, type KeyObject, randomBytes, sign, verify } from "node:crypto";
import forge from "node-forge";
import { type Asn1, bin, bits, buf, der, oid, octets, parseDer, seq, toPem } from "../../../../common/der.js";

const { asn1 } = forge;

const OID = {
  sha256WithRSA: "1.2.840.113549.1.1.11",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  subjectAltName: "2.5.29.17",
  extendedKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
} as const;

/** Signature algorithms accepted on a CSR and the hash each one uses. */
const CSR_SIGNATURE_HASHES: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.1": "sha1",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};

const ACCEPTED_CURVES = new Set(["prime256v1", "secp384r1", "secp521r1"]);

/** AWS IoT issued certificates are valid until the end of 2049. */
export const NOT_AFTER = new Date("2049-12-31T23:59:59Z");

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function extension(id: string, critical: boolean, value: Buffer): Asn1 {
  const parts = [oid(id)];
  if (critical) parts.push(asn1.create(U, T.BOOLEAN, false, "\xff"));
  parts.push(octets(value));
  return seq(...parts);
}

/** SHA-1 of the subjectPublicKey bits (RFC 5280 method 1). */
export function keyIdentifier(spkiDer: Buffer): Buffer {
  const spki = parseDer(spkiDer);
  const keyBits = buf((spki.value as Asn1[])[1].value as string).subarray(1);
  return createHash("sha1").update(keyBits).digest();
}

export interface IssueRequest {
  subject: Asn1;
  spkiDer: Buffer;
  issuer: Asn1;
  /** Key identifier of the issuer; omitted for a self-signed CA. */
  authorityKeyId?: Buffer;
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  /** A TLS server certificate: its names (SAN dNSName / iPAddress) and the serverAuth usage. */
  server?: { dnsNames: string[]; ipAddresses: string[] };
}

export interface IssuedCertificate {
  der: Buffer;
  pem: string;
}

/** Builds and signs an X.509 v3 certificate (sha256WithRSAEncryption). */
export function issueCertificate(req: IssueRequest): IssuedCertificate {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40; // positive and DER-minimal
  const algorithm = seq(oid(OID.sha256WithRSA), asn1.create(U, T.NULL, false, ""));
  const ski = keyIdentifier(req.spkiDer);
  const basic = der(req.isCa ? seq(asn1.create(U, T.BOOLEAN, false, "\xff")) : seq());
  // keyUsage BIT STRING (DER, with its unused-bit count): keyCertSign + cRLSign for the CA,
  // digitalSignature for devices.
  const usageBits = req.isCa ? Buffer.from([0x03, 0x02, 0x01, 0x06]) : Buffer.from([0x03, 0x02, 0x07, 0x80]);
  const extensions = [
    extension(OID.basicConstraints, true, basic),
    extension(OID.keyUsage, true, usageBits),
    extension(OID.subjectKeyIdentifier, false, der(octets(ski))),
  ];
  if (req.server) extensions.push(...serverExtensions(req.server));
  if (req.authorityKeyId)
    extensions.push(
      extension(
        OID.authorityKeyIdentifier,
        false,
        der(seq(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, bin(req.authorityKeyId)))),
      ),
    );
  const tbs = seq(
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [asn1.create(U, T.INTEGER, false, "\x02")]),
    asn1.create(U, T.INTEGER, false, bin(serial)),
    algorithm,
    req.issuer,
    seq(time(req.notBefore), time(req.notAfter)),
    req.subject,
    parseDer(req.spkiDer),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [seq(...extensions)]),
  );
  const signature = sign("sha256", der(tbs), req.signingKey);
  const certificate = der(seq(tbs, algorithm, bits(signature)));
  return { der: certificate, pem: toPem("CERTIFICATE", certificate) };
}

/** subjectAltName (RFC 5280 4.2.1.6: dNSName [2], iPAddress [7]) and extendedKeyUsage serverAuth. */
function serverExtensions(names: { dnsNames: string[]; ipAddresses: string[] }): Asn1[] {
  const ctx = asn1.Class.CONTEXT_SPECIFIC;
  const general = [
    ...names.dnsNames.map((n) => asn1.create(ctx, 2, false, n)),
    ...names.ipAddresses.map((ip) => asn1.create(ctx, 7, false, bin(ipBytes(ip)))),
  ];
  return [
    extension(OID.subjectAltName, false, der(seq(...general))),
    extension(OID.extendedKeyUsage, false, der(seq(oid(OID.serverAuth)))),
  ];
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(":")) {
    const [head, tail = ""] = ip.split("::");
    const groups = (s: string) => (s === "" ? [] : s.split(":"));
    const h = groups(head);
    const t = groups(tail);
    const all = ip.includes("::") ? [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t] : h;
    return Buffer.from(all.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]));
  }
  return Buffer.from(ip.split(".").map(Number));
}

export interface VerifiedCsr {
  subject: Asn1;
  spkiDer: Buffer;
}

/**
 * Parses a PEM PKCS#10 request, checks its key is one AWS IoT accepts and its self-signature
 * is valid; otherwise returns why not.
 */
export function verifyCsr(pem: string): VerifiedCsr | string {
  const m =
    /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
      pem,
    );
  if (!m) return "The certificate signing request is not a PEM encoded PKCS#10 request";
  let root: Asn1;
  try {
    root = parseDer(Buffer.from(m[1].replace(/\s+/g, ""), "base64"));
  } catch {
    return "The certificate signing request could not be decoded";
  }
  const parts = Array.isArray(root.value) ? root.value : [];
  const [info, algorithm, signature] = parts;
  const infoParts = info && Array.isArray(info.value) ? info.value : [];
  if (
    parts.length !== 3 ||
    infoParts.length < 3 ||
    !Array.isArray(algorithm?.value) ||
    signature?.type !== T.BITSTRING
  )
    return "The certificate signing request is malformed";
  const [, subject, spki] = infoParts;
  const algorithmOid = asn1.derToOid((algorithm.value as Asn1[])[0].value as string);
  const hash = CSR_SIGNATURE_HASHES[algorithmOid];
  if (!hash) return `Unsupported signature algorithm ${algorithmOid}`;
  const spkiDer = der(spki);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: spkiDer, format: "der", type: "spki" });
  } catch {
    return "The public key of the certificate signing request is not supported";
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") {
    if ((details.modulusLength ?? 0) < 2048) return "RSA keys must be at least 2048 bits";
  } else if (key.asymmetricKeyType !== "ec" || !ACCEPTED_CURVES.has(details.namedCurve ?? "")) {
    return "Only RSA and EC (P-256, P-384, P-521) keys are supported";
  }
  const signatureBytes = buf(signature.value as string).subarray(1);
  if (!verify(hash, der(info), key, signatureBytes))
    return "The signature of the certificate signing request is not valid";
  return { subject, spkiDer };
}

/** The subject name of a DER certificate (the issuer of what it signs). */
export function subjectOf(certificateDer: Buffer): Asn1 {
  const tbs = (parseDer(certificateDer).value as Asn1[])[0];
  return (tbs.value as Asn1[])[5];
}
