/**
 * Q-7 property through the API: random query strings (random characters, and random
 * well-formed-looking queries) never crash the sandbox. Every SearchIndex, aggregation and
 * CreateDynamicThingGroup answers with results or a 400 InvalidQueryException, never a 5xx,
 * and the sandbox stays healthy. Seeded, so a failure reproduces.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  DeleteDynamicThingGroupCommand,
  GetStatisticsCommand,
  IoTClient,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { enableIndexing, updateShadow } from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const data = new IoTDataPlaneClient(sb.config);
  await enableIndexing(iot);
  for (let i = 0; i < 20; i++) {
    const thingName = `fz-${i}`;
    await iot.send(
      new CreateThingCommand({
        thingName,
        attributePayload: { attributes: { n: String(i), c: i % 2 ? "US" : "CA" } },
      }),
    );
    await updateShadow(data, thingName, { reported: { b: i * 5, s: `v${i}`, f: i % 3 === 0, a: [i, "x"] } });
  }
});
after(() => sb.dispose());

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = "abAZ09 :*?\"()[]{}<>=-\\$._~^/@#,;%`'!&|+\t\n\u00e9\u4e2d";
const PIECES = [
  "thingName:",
  "attributes.n:",
  "shadow.reported.b",
  "shadow.reported.s:",
  "AND",
  "OR",
  "NOT",
  "TO",
  "-",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "*",
  "?",
  ">",
  "<=",
  '"',
  "fz-1",
  "10",
  "v*",
  "US",
  ":",
];

const FIELDS = [
  "thingName",
  "attributes.n",
  "attributes.c",
  "shadow.reported.b",
  "shadow.reported.s",
  "shadow.reported.f",
  "shadow.reported.a",
];
const VALUES = [
  "fz-1",
  "fz-1*",
  "US",
  "c?",
  "10",
  "[5 TO 50]",
  "{* TO 20]",
  '"v1"',
  "true",
  "*",
  "(US OR CA)",
  "x",
];

/** Mostly well-formed queries (so that many succeed), with random glue. */
function structuredQuery(random: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const clauses: string[] = [];
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--)
    clauses.push(`${pick(["", "NOT ", "-"])}${pick(FIELDS)}${pick([":", ":", ">", "<="])}${pick(VALUES)}`);
  return clauses.join(pick([" AND ", " OR ", " "]));
}

function randomQuery(random: () => number): string {
  if (random() < 0.5) return structuredQuery(random);
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 10);
  for (let i = 0; i < n; i++) {
    if (random() < 0.5) parts.push(PIECES[Math.floor(random() * PIECES.length)]);
    else {
      let w = "";
      for (let k = Math.floor(random() * 6); k >= 0; k--) w += CHARS[Math.floor(random() * CHARS.length)];
      parts.push(w);
    }
  }
  return parts.join(random() < 0.5 ? " " : "");
}

interface Outcome {
  ok: number;
  invalid: number;
}

async function classify(p: Promise<unknown>, query: string, outcome: Outcome): Promise<void> {
  try {
    await p;
    outcome.ok++;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    const status = err.$metadata?.httpStatusCode;
    const allowed =
      (err.name === "InvalidQueryException" && status === 400) ||
      // an all-blank or empty query fails the member's own length constraint first
      (err.name === "InvalidRequestException" && status === 400 && query.trim() === "");
    assert.ok(allowed, `${JSON.stringify(query)} → ${err.name} (${status}): ${err.message}`);
    outcome.invalid++;
  }
}

test("Q-7: 400 random SearchIndex queries → results or 400 InvalidQueryException, never a crash", async () => {
  const random = rng(4242);
  const outcome: Outcome = { ok: 0, invalid: 0 };
  for (let i = 0; i < 400; i++) {
    const query = randomQuery(random);
    if (query.length === 0) continue;
    await classify(iot.send(new SearchIndexCommand({ queryString: query, maxResults: 5 })), query, outcome);
  }
  assert.ok(outcome.ok > 20 && outcome.invalid > 20, JSON.stringify(outcome));
  const health = await fetch(`${sb.endpoint}/_iotdm/health`);
  assert.equal(health.status, 200);
});

test("Q-7: random queries through GetStatistics and CreateDynamicThingGroup behave the same", async () => {
  const random = rng(777);
  const outcome: Outcome = { ok: 0, invalid: 0 };
  const created: string[] = [];
  for (let i = 0; i < 150; i++) {
    const query = randomQuery(random);
    if (query.length === 0) continue;
    await classify(iot.send(new GetStatisticsCommand({ queryString: query })), query, outcome);
    const thingGroupName = `fz-dyn-${i}`;
    const before = outcome.ok;
    await classify(
      iot.send(new CreateDynamicThingGroupCommand({ thingGroupName, queryString: query })),
      query,
      outcome,
    );
    if (outcome.ok > before) created.push(thingGroupName);
    if (created.length >= 90) break;
  }
  assert.ok(outcome.ok > 10 && outcome.invalid > 10, JSON.stringify(outcome));
  for (const thingGroupName of created)
    await iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName }));
  const again = await iot.send(new SearchIndexCommand({ queryString: "thingName:fz-1*" }));
  assert.equal(again.things?.length, 11);
});
