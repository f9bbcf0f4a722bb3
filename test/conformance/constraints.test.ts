/**
 * The sandbox's validation tables against ../shared/spec/aws-operations.json (VAL-1): every
 * input member the spec constrains has the same pattern, bounds and enum in the handler's
 * table, and the required members the gateway reads from the SDK schema are the spec's.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { readServiceSchemas, requiredMembers } from "../../src/sandbox/protocol/schema.js";
import type { Constraint } from "../../src/sandbox/protocol/validate.js";
import { SERVICES } from "../../src/sandbox/services/index.js";
import { SHARED, sharedAvailable } from "../helpers/smithy.js";

interface SpecMember {
  name: string;
  required: boolean;
  binding: string;
  constraints?: Constraint & Record<string, unknown>;
}

interface SpecOperation {
  service: string;
  operation: string;
  http?: { method: string; uri: string };
  input: SpecMember[];
}

const required = process.env.IOTDM_REQUIRE_SHARED === "1";
const skip = !sharedAvailable();

test("the operation spec is available", { skip: skip && !required }, () => {
  assert.ok(sharedAvailable(), "../shared/spec/aws-operations.json is needed");
});

if (!skip) {
  const spec = JSON.parse(
    readFileSync(join(SHARED, "spec", "aws-operations.json"), "utf8"),
  ) as SpecOperation[];
  const find = (service: string, op: string) => spec.find((o) => o.service === service && o.operation === op);
  for (const def of SERVICES) {
    const schemas = readServiceSchemas(def.sdk);
    for (const op of def.operations) {
      const entry = find(def.key, op.name);
      test(
        `${def.key}:${op.name} validates what the spec constrains`,
        {
          skip: entry ? false : "not in the workshop spec",
        },
        () => {
          const schema = schemas.operations.get(op.name)!;
          const specRequired = entry!.input
            .filter((m) => m.required)
            .map((m) => m.name)
            .sort();
          assert.deepEqual([...requiredMembers(schema.input)].sort(), specRequired, "required members");
          if (entry!.http && schema.method) assert.equal(schema.method, entry!.http.method, "HTTP method");
          const mismatches: string[] = [];
          for (const m of entry!.input) {
            const c = m.constraints;
            if (!c) continue;
            const wanted: Constraint = {};
            if (c.pattern !== undefined) wanted.pattern = c.pattern;
            if (c.min !== undefined) wanted.min = c.min;
            if (c.max !== undefined) wanted.max = c.max;
            if (c.minMaxOf !== undefined && (c.min !== undefined || c.max !== undefined))
              wanted.minMaxOf = c.minMaxOf;
            if (c.enum !== undefined) wanted.enum = c.enum;
            if (Object.keys(wanted).length === 0) continue;
            const ours = op.constraints?.[m.name];
            if (!ours) {
              mismatches.push(`${m.name}: no constraint (spec ${JSON.stringify(wanted)})`);
              continue;
            }
            const normalized: Constraint = {};
            for (const k of ["pattern", "min", "max", "minMaxOf", "enum"] as const) {
              if (ours[k] !== undefined && wanted[k] !== undefined)
                (normalized as Record<string, unknown>)[k] = ours[k];
              else if (wanted[k] !== undefined) (normalized as Record<string, unknown>)[k] = undefined;
            }
            try {
              assert.deepEqual(
                { ...normalized, enum: normalized.enum ? [...normalized.enum].sort() : undefined },
                { ...wanted, enum: wanted.enum ? [...wanted.enum].sort() : undefined },
              );
            } catch {
              mismatches.push(`${m.name}: ours ${JSON.stringify(ours)} spec ${JSON.stringify(wanted)}`);
            }
          }
          assert.deepEqual(mismatches, []);
        },
      );
    }
  }
}
