/**
 * Fuzz test, part 2b: structurally broken bodies for an operation that reads a body: not
 * JSON/XML, truncated, another root, invalid UTF-8, deeply nested, another content type.
 */
import { membersOf, type OperationSchema } from "../../src/sandbox/protocol/schema.js";
import type { Protocol } from "../../src/sandbox/services/types.js";
import { deepArrayText } from "./fuzz-inputs.js";

export interface BrokenBody {
  label: string;
  body: string | Buffer;
  contentType: string;
  mustRefuse: boolean;
}

/** Bodies that do not parse or do not fit, for operations that read a body. */
export function brokenBodies(
  protocol: Protocol,
  op: OperationSchema,
  baseBody: string | Buffer | undefined,
): BrokenBody[] {
  const members = membersOf(op.input);
  const payload = members.find((m) => m.binding.kind === "payload");
  const hasBody = members.some((m) => m.binding.kind === "body");
  const base = baseBody === undefined ? "" : baseBody.toString();
  const invalidUtf8 = Buffer.concat([
    Buffer.from(base.slice(0, Math.max(1, base.length - 2))),
    Buffer.from([0xff, 0xfe, 0x22, 0x7d]),
  ]);
  if (protocol === "awsQuery")
    return [
      {
        label: "bad percent-encoding",
        body: `${base}&%ZZ=%E0%A4%A`,
        contentType: "application/x-www-form-urlencoded",
        mustRefuse: false,
      },
      {
        label: "invalid UTF-8",
        body: invalidUtf8,
        contentType: "application/x-www-form-urlencoded",
        mustRefuse: false,
      },
      { label: "JSON content type", body: base, contentType: "application/json", mustRefuse: false },
    ];
  if (protocol === "restXml") {
    if (!payload?.schema.isStructSchema()) return [];
    const xml = "application/xml";
    return [
      {
        label: "unclosed XML",
        body: base.slice(0, base.lastIndexOf("</")),
        contentType: xml,
        mustRefuse: true,
      },
      {
        label: "another root element",
        body: "<Wrong><A>1</A></Wrong>",
        contentType: xml,
        mustRefuse: true,
      },
      { label: "invalid UTF-8", body: invalidUtf8, contentType: xml, mustRefuse: true },
      { label: "not XML", body: "{}", contentType: xml, mustRefuse: true },
      {
        label: "deep XML",
        body: "<a>".repeat(10_000) + "</a>".repeat(10_000),
        contentType: xml,
        mustRefuse: true,
      },
    ];
  }
  // A blob payload is the operation's own document (a shadow, an MQTT message): any bytes may be valid.
  const strict = hasBody || payload?.schema.isStructSchema() === true;
  const jsonType = "application/json";
  return [
    { label: "not JSON", body: "{", contentType: jsonType, mustRefuse: strict },
    {
      label: "truncated",
      body: base.slice(0, Math.max(1, Math.floor(base.length / 2))),
      contentType: jsonType,
      mustRefuse: strict && base.length > 2,
    },
    { label: "array root", body: "[]", contentType: jsonType, mustRefuse: strict },
    { label: "string root", body: '"text"', contentType: jsonType, mustRefuse: strict },
    { label: "invalid UTF-8", body: invalidUtf8, contentType: jsonType, mustRefuse: strict },
    {
      label: "deep JSON",
      body: `{"a":${deepArrayText(100_000)}}`,
      contentType: jsonType,
      mustRefuse: false,
    },
    { label: "text/plain content type", body: base, contentType: "text/plain", mustRefuse: false },
  ];
}
