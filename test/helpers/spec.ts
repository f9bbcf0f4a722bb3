/**
 * Reads ../shared/spec/aws-operations.json (never copied into the project) and flattens an
 * operation's input, nested shapes included, into member paths in the vocabulary of the
 * sandbox's constraint tables: `tags[].Key`, `attributes{}` (map keys), `attributes{}=` (values).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Constraint } from "../../src/sandbox/protocol/validate.js";
import { SHARED } from "./smithy.js";

export interface SpecMember {
  name: string;
  target?: string;
  type: string;
  required?: boolean;
  binding?: string;
  constraints?: Constraint & Record<string, unknown>;
}

interface SpecShape {
  type: string;
  members?: SpecMember[];
  member?: SpecMember;
  key?: SpecMember;
  value?: SpecMember;
}

export interface SpecOperation {
  service: string;
  operation: string;
  http?: { method: string; uri: string };
  input: SpecMember[];
  shapes?: Record<string, SpecShape>;
}

let cached: SpecOperation[] | undefined;

export function specOperations(): SpecOperation[] {
  cached ??= JSON.parse(readFileSync(join(SHARED, "spec", "aws-operations.json"), "utf8")) as SpecOperation[];
  return cached;
}

export function specOperation(service: string, operation: string): SpecOperation | undefined {
  return specOperations().find((o) => o.service === service && o.operation === operation);
}

export interface FlatMember {
  /** Table vocabulary: `tags[].Key`, `attributes{}`, `attributes{}=`, `percents[]`. */
  path: string;
  /** Scalar or container type: string, enum, boolean, integer, long, double, float, timestamp, blob, structure, list, map. */
  type: string;
  constraints?: SpecMember["constraints"];
  required: boolean;
  /** Binding of the top-level member this path is under. */
  binding: string;
}

/** The bounds, pattern and enum of a constraint, without the spec's extra keys (default, xmlName...). */
export function boundsOf(c: SpecMember["constraints"]): Constraint {
  const out: Constraint = {};
  if (!c) return out;
  if (c.pattern !== undefined) out.pattern = c.pattern;
  if (c.min !== undefined) out.min = c.min;
  if (c.max !== undefined) out.max = c.max;
  if (c.minMaxOf !== undefined && (c.min !== undefined || c.max !== undefined)) out.minMaxOf = c.minMaxOf;
  if (c.enum !== undefined) out.enum = c.enum;
  return out;
}

/** Every input member of `op`, nested shapes included (a recursive shape is visited once per path). */
export function flattenInput(op: SpecOperation): FlatMember[] {
  const out: FlatMember[] = [];
  const shapes = op.shapes ?? {};
  const visit = (m: SpecMember, path: string, binding: string, required: boolean, seen: Set<string>) => {
    const shape = m.target ? shapes[m.target] : undefined;
    const type = shape?.type ?? m.type.split("<")[0];
    out.push({ path, type, constraints: m.constraints, required, binding });
    if (!shape || (m.target && seen.has(m.target))) return;
    const inner = new Set(seen).add(m.target!);
    if (shape.type === "structure")
      for (const child of shape.members ?? [])
        visit(child, `${path}.${child.name}`, binding, child.required === true, inner);
    else if (shape.type === "list" && shape.member) visit(shape.member, `${path}[]`, binding, false, inner);
    else if (shape.type === "map") {
      if (shape.key)
        out.push({
          path: `${path}{}`,
          type: "string",
          constraints: shape.key.constraints,
          required: false,
          binding,
        });
      if (shape.value) visit(shape.value, `${path}{}=`, binding, false, inner);
    }
  };
  for (const m of op.input) visit(m, m.name, m.binding ?? "body", m.required === true, new Set());
  return out;
}
