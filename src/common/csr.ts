/**
 * Device keys and certificate signing requests made in-process (no openssl, unlike the reference):
 * an EC P-256 key pair, which AWS IoT accepts and which takes a fraction of a millisecond to
 * generate where RSA 2048 takes tens, and a PKCS#10 request (RFC 2986) signed with it, for
 * CreateCertificateFromCsr. The private key never leaves this process unless the caller keeps it.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import forge from "node-forge";
import { type Asn1, bits, der, integer, nameToAsn1, oid, parseDer, seq, toPem } from "./der.js";

const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

export interface DeviceKey {
  privateKey: KeyObject;
  /** PKCS#8 PEM, what MQTT clients load. */
  privateKeyPem: string;
}

export function newDeviceKey(): DeviceKey {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

/** A PEM PKCS#10 request for `commonName`'s certificate, signed with the device's key (ECDSA SHA-256). */
export function certificateSigningRequest(commonName: string, key: KeyObject): string {
  const spki = key.asymmetricKeyType === "ec" ? publicKeyInfo(key) : undefined;
  if (!spki) throw new Error("certificateSigningRequest needs an EC private key");
  const subject = nameToAsn1([["CN", commonName]]);
  // attributes [0] IMPLICIT SET OF Attribute: none.
  const attributes = forge.asn1.create(forge.asn1.Class.CONTEXT_SPECIFIC, 0, true, []);
  const info = seq(integer(0), subject, spki, attributes);
  const signature = sign("sha256", der(info), key);
  return toPem("CERTIFICATE REQUEST", der(seq(info, seq(oid(ECDSA_WITH_SHA256)), bits(signature))));
}

function publicKeyInfo(privateKey: KeyObject): Asn1 {
  return parseDer(createPublicKey(privateKey).export({ type: "spki", format: "der" }));
}
