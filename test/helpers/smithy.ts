/**
 * Reads AWS's official Smithy models from ../shared/aws-models (never copied into the
 * project) and checks recorded sandbox answers against an operation's output shape and
 * modelled errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";

export const SHARED = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..", "..", "shared");
export const sharedAvailable = (): boolean =>
  existsSync(join(SHARED, "aws-models")) && existsSync(join(SHARED, "spec"));

const MODEL_FILES: Record<string, string> = {
  iot: "iot-2015-05-28.json",
  "iot-data": "iot-data-plane-2015-05-28.json",
  "iot-jobs-data": "iot-jobs-data-plane-2017-09-29.json",
  s3: "s3-2006-03-01.json",
  iam: "iam-2010-05-08.json",
  sts: "sts-2011-06-15.json",
};

interface ShapeRef {
  target: string;
  traits?: Record<string, unknown>;
}

interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  traits?: Record<string, unknown>;
}

export class SmithyModel {
  readonly shapes: Record<string, Shape>;
  readonly namespace: string;
  readonly serviceErrors: string[];

  constructor(readonly service: string) {
    const doc = JSON.parse(readFileSync(join(SHARED, "aws-models", MODEL_FILES[service]), "utf8")) as {
      shapes: Record<string, Shape>;
    };
    this.shapes = doc.shapes;
    const serviceShape = Object.entries(this.shapes).find(([, s]) => s.type === "service");
    this.namespace = serviceShape ? serviceShape[0].split("#")[0] : "";
    this.serviceErrors = (serviceShape?.[1].errors ?? []).map((e) => e.target);
  }

  operation(name: string): Shape | undefined {
    const s = this.shapes[`${this.namespace}#${name}`];
    return s?.type === "operation" ? s : undefined;
  }

  /** Error shape ids of an operation plus the service-wide ones. */
  errorsOf(op: Shape): Array<{ name: string; status?: number; queryCode?: string }> {
    return [...(op.errors ?? []).map((e) => e.target), ...this.serviceErrors].map((id) => {
      const traits = this.shapes[id]?.traits ?? {};
      const q = traits["aws.protocols#awsQueryError"] as
        { code: string; httpResponseCode: number } | undefined;
      return {
        name: id.split("#")[1],
        status: (traits["smithy.api#httpError"] as number | undefined) ?? q?.httpResponseCode,
        queryCode: q?.code,
      };
    });
  }

  shape(id: string): Shape {
    if (id.startsWith("smithy.api#")) return { type: PRELUDE[id] ?? "string" };
    return this.shapes[id] ?? { type: "unknown" };
  }
}

const PRELUDE: Record<string, string> = {
  "smithy.api#String": "string",
  "smithy.api#Boolean": "boolean",
  "smithy.api#PrimitiveBoolean": "boolean",
  "smithy.api#Integer": "integer",
  "smithy.api#PrimitiveInteger": "integer",
  "smithy.api#Long": "long",
  "smithy.api#PrimitiveLong": "long",
  "smithy.api#Double": "double",
  "smithy.api#Float": "float",
  "smithy.api#Timestamp": "timestamp",
  "smithy.api#Blob": "blob",
  "smithy.api#Document": "document",
  "smithy.api#Unit": "structure",
};

const NUMERIC = new Set([
  "integer",
  "long",
  "double",
  "float",
  "short",
  "byte",
  "bigInteger",
  "bigDecimal",
  "intEnum",
]);
const HTTP_BOUND = [
  "smithy.api#httpHeader",
  "smithy.api#httpResponseCode",
  "smithy.api#httpPayload",
  "smithy.api#httpPrefixHeaders",
  "smithy.api#httpQuery",
  "smithy.api#httpLabel",
];

function enumValues(shape: Shape): string[] | undefined {
  if (shape.type === "enum")
    return Object.entries(shape.members ?? {}).map(
      ([k, m]) => (m.traits?.["smithy.api#enumValue"] as string | undefined) ?? k,
    );
  const legacy = shape.traits?.["smithy.api#enum"] as Array<{ value: string }> | undefined;
  return legacy?.map((e) => e.value);
}

/** Problems of a JSON value against a shape (restJson1 body). */
export function checkJson(
  model: SmithyModel,
  id: string,
  value: unknown,
  path: string,
  out: string[],
  topLevel = false,
): void {
  const shape = model.shape(id);
  const t = shape.type;
  if (t === "structure" || t === "union") {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return void out.push(`${path}: expected object`);
    const byWire = new Map<string, [string, ShapeRef]>();
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (topLevel && HTTP_BOUND.some((h) => ref.traits?.[h] !== undefined)) continue;
      byWire.set((ref.traits?.["smithy.api#jsonName"] as string | undefined) ?? name, [name, ref]);
    }
    for (const [k, v] of Object.entries(value)) {
      const m = byWire.get(k);
      if (!m) {
        if (k !== "__type") out.push(`${path}.${k}: not a member of ${id}`);
        continue;
      }
      checkJson(model, m[1].target, v, `${path}.${k}`, out);
    }
    for (const [wire, [, ref]] of byWire) {
      if (
        ref.traits?.["smithy.api#required"] !== undefined &&
        (value as Record<string, unknown>)[wire] === undefined
      )
        out.push(`${path}.${wire}: required member missing`);
    }
    return;
  }
  if (t === "list" || t === "set") {
    if (!Array.isArray(value)) return void out.push(`${path}: expected array`);
    for (const [i, v] of value.entries()) checkJson(model, shape.member!.target, v, `${path}[${i}]`, out);
    return;
  }
  if (t === "map") {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return void out.push(`${path}: expected map`);
    for (const [k, v] of Object.entries(value))
      checkJson(model, shape.value!.target, v, `${path}{${k}}`, out);
    return;
  }
  if (t === "string" || t === "enum") {
    if (typeof value !== "string")
      return void out.push(`${path}: expected string, got ${JSON.stringify(value)}`);
    const allowed = enumValues(shape);
    if (allowed && !allowed.includes(value))
      out.push(`${path}: '${value}' is not one of ${allowed.join("|")}`);
    return;
  }
  if (t === "boolean" && typeof value !== "boolean") return void out.push(`${path}: expected boolean`);
  if (NUMERIC.has(t) && typeof value !== "number") return void out.push(`${path}: expected number`);
  if (t === "timestamp" && typeof value !== "number" && typeof value !== "string")
    out.push(`${path}: expected timestamp`);
  if (t === "blob" && typeof value !== "string") out.push(`${path}: expected base64 string`);
}

const xml = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: () => true,
});

export function parseXmlDoc(text: string): Record<string, unknown[]> {
  return xml.parse(text) as Record<string, unknown[]>;
}

/** Problems of an XML element (parsed with every child as an array) against a shape. */
export function checkXml(
  model: SmithyModel,
  id: string,
  node: unknown,
  path: string,
  out: string[],
  style: "query" | "s3",
): void {
  const shape = model.shape(id);
  if (shape.type !== "structure") return;
  if (typeof node !== "object" || node === null) return;
  const byName = new Map<string, ShapeRef>();
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (HTTP_BOUND.some((h) => ref.traits?.[h] !== undefined)) continue;
    byName.set((ref.traits?.["smithy.api#xmlName"] as string | undefined) ?? name, ref);
  }
  for (const [k, children] of Object.entries(node as Record<string, unknown[]>)) {
    if (k === "#text") continue;
    const ref = byName.get(k);
    if (!ref) {
      out.push(`${path}.${k}: not a member of ${id}`);
      continue;
    }
    const target = model.shape(ref.target);
    for (const child of children) {
      if (target.type === "list" || target.type === "set") {
        const flattened = ref.traits?.["smithy.api#xmlFlattened"] !== undefined;
        const itemId = target.member!.target;
        if (flattened) checkXml(model, itemId, child, `${path}.${k}`, out, style);
        else {
          const itemName = (target.member!.traits?.["smithy.api#xmlName"] as string | undefined) ?? "member";
          for (const [ik, items] of Object.entries((child ?? {}) as Record<string, unknown[]>)) {
            if (ik !== itemName) out.push(`${path}.${k}.${ik}: list items must be <${itemName}>`);
            else for (const it of items) checkXml(model, itemId, it, `${path}.${k}.${itemName}`, out, style);
          }
        }
      } else if (target.type === "structure") checkXml(model, ref.target, child, `${path}.${k}`, out, style);
    }
  }
}
