/**
 * Model-driven fuzzing of every implemented operation of every service (VAL-1): from the
 * operation's SDK input schema and constraint table, a valid-looking base input and mutations
 * that break each member's type or constraints, plus structurally broken bodies, sent as signed
 * raw HTTP requests in the service's protocol. Asserted for every request: never a 5xx, never a
 * hang; a mutation that breaks a type or constraint is refused (400; 4xx for path labels); a
 * refused request stored nothing (the SQLite tables compared); and afterwards every resource
 * created at the start still reads back. Deterministic: a seeded PRNG (IOTDM_FUZZ_SEED to
 * replay another seed), printed with any failure.
 */
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { readServiceSchemas } from "../../src/sandbox/protocol/schema.js";
import { SERVICES } from "../../src/sandbox/services/index.js";
import { seededRandom } from "../helpers/random.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { type RawCall, sendSigned } from "../helpers/signed-request.js";
import { brokenBodies } from "./fuzz-bodies.js";
import { createFixture, type Fixture } from "./fuzz-fixture.js";
import { applyMutation, InputFactory } from "./fuzz-inputs.js";
import { StateWatch } from "./fuzz-state.js";
import { buildCall } from "./fuzz-wire.js";

const SEED = Number(process.env.IOTDM_FUZZ_SEED ?? 20_260_707);
/** IOTDM_FUZZ_LOG=<file>: every request and its answer, one line each ("!" = must be refused). */
const LOG = process.env.IOTDM_FUZZ_LOG;
const DESTRUCTIVE = /^(Delete|Detach|Remove|Untag|Abort|Deprecate)/;

let sb: TestSandbox;
let fixture: Fixture;
let state: StateWatch;
before(async () => {
  sb = await startSandbox();
  fixture = await createFixture(sb);
  state = new StateWatch(sb.dataDir);
});
after(async () => {
  state?.close();
  await sb.dispose();
});

interface Probe {
  what: string;
  call: RawCall;
  /** 400 expected (or any 4xx when a path label carries the bad value). */
  mustRefuse: boolean;
  label: boolean;
}

/** Every request of one service: the base input, its mutations and broken bodies, in a fixed order. */
function probesOf(serviceKey: string, pick: <T>(xs: T[], n: number) => T[]): Probe[] {
  const def = SERVICES.find((s) => s.key === serviceKey)!;
  const schemas = readServiceSchemas(def.sdk);
  const probes: Probe[] = [];
  for (const handler of def.operations) {
    const op = schemas.operations.get(handler.name)!;
    const known = (DESTRUCTIVE.test(op.name) ? fixture.absent : fixture.known)[serviceKey] ?? {};
    const factory = new InputFactory(def.protocol, handler.constraints ?? {}, known);
    const base = factory.base(op);
    const baseCall = buildCall(def, op, base);
    const name = `${serviceKey}:${op.name}`;
    probes.push({ what: `${name} base`, call: baseCall, mustRefuse: false, label: false });
    const labels = new Set(
      [...op.input.structIterator()]
        .filter(([, m]) => (m.getMergedTraits() as { httpLabel?: 1 }).httpLabel)
        .map(([n]) => n),
    );
    for (const m of factory.mutations(op, pick)) {
      const input = applyMutation(factory, op.input, base, m);
      probes.push({
        what: `${name} ${m.label}`,
        call: buildCall(def, op, input),
        mustRefuse: m.mustRefuse,
        label: labels.has(m.steps[0]),
      });
    }
    for (const b of brokenBodies(def.protocol, op, baseCall.body)) {
      const call: RawCall = {
        ...baseCall,
        body: b.body,
        headers: { ...baseCall.headers, "content-type": b.contentType },
      };
      probes.push({ what: `${name} body: ${b.label}`, call, mustRefuse: b.mustRefuse, label: false });
    }
  }
  return probes;
}

function chooser(random: () => number) {
  return <T>(xs: T[], n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    return out;
  };
}

for (const serviceKey of SERVICES.filter((s) => s.operations.length > 0).map((s) => s.key)) {
  test(`VAL-1: fuzzed ${serviceKey} inputs never get a 5xx or a hang, broken ones are refused and store nothing (seed ${SEED})`, async () => {
    const probes = probesOf(serviceKey, chooser(seededRandom(SEED)));
    const problems: string[] = [];
    for (const p of probes) {
      let status: number;
      let text: string;
      try {
        ({ status, text } = await sendSigned(sb, { ...p.call, timeoutMs: 15_000 }));
      } catch (e) {
        problems.push(`${p.what}: no answer (${(e as Error).message})`);
        continue;
      }
      const brief = `${p.what} -> ${status} ${text.slice(0, 300)}`;
      if (LOG)
        appendFileSync(LOG, `${p.mustRefuse ? "!" : " "} ${brief.replace(/\n/g, " ").slice(0, 260)}\n`);
      if (status >= 500) problems.push(`server error: ${brief}`);
      if (p.mustRefuse && (p.label ? status < 400 || status >= 500 : status !== 400))
        problems.push(`not refused: ${brief}`);
      if (status < 400) state.accept();
      else
        for (const change of state.changesSinceReference())
          problems.push(`stored by a refused request: ${brief}: ${change}`);
    }
    assert.ok(
      probes.length >= 4 * SERVICES.find((s) => s.key === serviceKey)!.operations.length,
      `only ${probes.length} requests`,
    );
    console.log(`${serviceKey}: ${probes.length} requests`);
    assert.deepEqual(
      problems.slice(0, 25),
      [],
      `seed ${SEED} (IOTDM_FUZZ_SEED), ${problems.length} problems`,
    );
  });
}

test(`VAL-1: after the fuzzing every resource created at the start still reads back (seed ${SEED})`, async () => {
  await fixture.readBack();
});
