/**
 * DER building blocks over node-forge's ASN.1 writer, for the X.509 structures both sides make:
 * the sandbox's certificates and the CLI's certificate signing requests.
 */
import forge from "node-forge";

const { asn1 } = forge;
export type Asn1 = forge.asn1.Asn1;

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

/** node-forge keeps bytes as binary strings. */
export const bin = (b: Buffer): string => b.toString("binary");
export const buf = (s: string): Buffer => Buffer.from(s, "binary");

export const seq = (...items: Asn1[]): Asn1 => asn1.create(U, T.SEQUENCE, true, items);
export const set = (...items: Asn1[]): Asn1 => asn1.create(U, T.SET, true, items);
export const oid = (id: string): Asn1 => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
export const integer = (n: number): Asn1 => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
export const utf8 = (text: string): Asn1 => asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(text));
export const octets = (b: Buffer): Asn1 => asn1.create(U, T.OCTETSTRING, false, bin(b));
/** A BIT STRING of whole bytes (no unused bits). */
export const bits = (b: Buffer): Asn1 =>
  asn1.create(U, T.BITSTRING, false, bin(Buffer.concat([Buffer.from([0]), b])));
export const der = (node: Asn1): Buffer => buf(asn1.toDer(node).getBytes());
export const parseDer = (b: Buffer): Asn1 =>
  (asn1.fromDer as unknown as (bytes: string, o: object) => Asn1)(bin(b), {
    strict: true,
    parseAllBytes: true,
    decodeBitStrings: false,
  });

const NAME_OIDS = { CN: "2.5.4.3", O: "2.5.4.10", OU: "2.5.4.11", C: "2.5.4.6" } as const;

export type NameAttributes = Array<[keyof typeof NAME_OIDS, string]>;

/** A distinguished name, one attribute per RDN, values as UTF8String. */
export function nameToAsn1(attributes: NameAttributes): Asn1 {
  return seq(...attributes.map(([type, value]) => set(seq(oid(NAME_OIDS[type]), utf8(value)))));
}

export function toPem(label: string, body: Buffer): string {
  const lines = body.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
