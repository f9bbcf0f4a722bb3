/**
 * The sandbox's validation tables against ../shared/spec/aws-operations.json (VAL-1): every
 * input member the spec constrains, nested shapes included, has the same pattern, bounds and
 * enum in the handler's table; float/double members (only those) are marked fractional; and the
 * required members the gateway reads from the SDK schema are the spec's.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readServiceSchemas, requiredMembers } from "../../src/sandbox/protocol/schema.js";
import type { Constraint } from "../../src/sandbox/protocol/validate.js";
import { SERVICES } from "../../src/sandbox/services/index.js";
import { sharedAvailable } from "../helpers/smithy.js";
import { boundsOf, flattenInput, specOperation } from "../helpers/spec.js";

const required = process.env.IOTDM_REQUIRE_SHARED === "1";
const skip = !sharedAvailable();

test("the operation spec is available", { skip: skip && !required }, () => {
  assert.ok(sharedAvailable(), "../shared/spec/aws-operations.json is needed");
});

/**
 * Model constraints the sandbox deliberately does not apply, with the reason (path -> why).
 * Keyed `service:Operation path`.
 */
const NOT_APPLIED: Record<string, string> = {
  // S3-1: the model's region enum lags behind S3's regions; create-bucket.ts checks the form instead.
  "s3:CreateBucket CreateBucketConfiguration.LocationConstraint": "region enum lags behind S3",
};

if (!skip) {
  for (const def of SERVICES) {
    const schemas = readServiceSchemas(def.sdk);
    for (const op of def.operations) {
      const entry = specOperation(def.key, op.name);
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
          for (const m of flattenInput(entry!)) {
            const table = op.constraints ?? {};
            const ours = Object.hasOwn(table, m.path) ? table[m.path] : undefined;
            // VAL-1: numbers are whole unless the table marks a float/double member fractional.
            const fractional = m.type === "double" || m.type === "float";
            if (fractional !== (ours?.fractional === true))
              mismatches.push(`${m.path}: ${m.type}, table says fractional=${ours?.fractional === true}`);
            const wanted = boundsOf(m.constraints);
            if (Object.keys(wanted).length === 0) continue;
            if (Object.hasOwn(NOT_APPLIED, `${def.key}:${op.name} ${m.path}`)) continue;
            if (!ours) {
              mismatches.push(`${m.path}: no constraint (spec ${JSON.stringify(wanted)})`);
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
              mismatches.push(`${m.path}: ours ${JSON.stringify(ours)} spec ${JSON.stringify(wanted)}`);
            }
          }
          assert.deepEqual(mismatches, []);
        },
      );
    }
  }
}
