/**
 * The two evaluators of a query — the in-memory index (bit sets over inverted maps, used by
 * SearchIndex and whole-group recomputation) and the one-document matcher (used when one
 * thing changes) — must agree on every document for every query, and random strings must
 * only ever parse or raise InvalidQueryException. Seeded, so failures reproduce.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isServiceError } from "../../src/sandbox/errors.js";
import { matchesDocument } from "../../src/sandbox/services/iot/index/query-match.js";
import { parseQuery, type QueryNode } from "../../src/sandbox/services/iot/index/query-syntax.js";
import {
  type IndexedThing,
  renderThingDocument,
  thingValues,
} from "../../src/sandbox/services/iot/index/thing-document.js";
import { ThingIndex } from "../../src/sandbox/services/iot/index/thing-index.js";

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "US",
  "ca",
  "Sedan",
  "1.0.0",
  "1.1.0",
  "75",
  "80.5",
  "-3",
  "1e2",
  "true",
  "false",
  "x y",
  "abc",
  "ABD",
];
const ATTRS = ["country", "score", "serial"];
const SHADOW_KEYS = ["battery", "temp", "fw", "online", "tags", "city"];

function makeDocs(random: () => number, n: number): IndexedThing[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const docs: IndexedThing[] = [];
  for (let i = 0; i < n; i++) {
    const attributes: Record<string, string> = {};
    for (const a of ATTRS) if (random() < 0.7) attributes[a] = pick(WORDS).replace(" ", "_");
    const reported: Record<string, unknown> = {};
    if (random() < 0.8) reported.battery = Math.floor(random() * 101);
    if (random() < 0.6) reported.temp = Math.round((random() * 40 - 10) * 10) / 10;
    if (random() < 0.6) reported.fw = pick(WORDS);
    if (random() < 0.5) reported.online = random() < 0.5;
    if (random() < 0.4) reported.tags = [pick(WORDS), pick(WORDS)];
    if (random() < 0.3) reported.city = { name: pick(WORDS), zip: String(75000 + Math.floor(random() * 10)) };
    const desired = random() < 0.3 ? { battery: 100 } : undefined;
    const shadow: Record<string, unknown> = {
      reported,
      hasDelta: desired !== undefined,
      version: 1 + (i % 3),
    };
    if (desired) shadow.desired = desired;
    if (random() < 0.5)
      shadow.name = { $package: { reported: { Sedan: { version: pick(["1.0.0", "1.1.0"]) } } } };
    docs.push({
      name: `t-${String(i).padStart(3, "0")}${random() < 0.1 ? "X" : ""}`,
      id: `id-${i}`,
      type: random() < 0.7 ? pick(["Sedan", "SUV"]) : undefined,
      groups: random() < 0.5 ? [pick(["US_Fleet", "CA_Fleet", "beta"])] : [],
      attributes,
      version: 1 + (i % 2),
      shadow: JSON.stringify(shadow),
    });
  }
  return docs;
}

const FIELDS = [
  "thingName",
  "thingTypeName",
  "thingGroupNames",
  "registry.version",
  ...ATTRS.map((a) => `attributes.${a}`),
  ...SHADOW_KEYS.map((k) => `shadow.reported.${k}`),
  "shadow.reported.city.name",
  "shadow.reported.city.zip",
  "shadow.desired.battery",
  "shadow.delta.battery",
  "shadow.hasDelta",
  "shadow.version",
  "shadow.name.$package.reported.Sedan.version",
];

function randomQuery(random: () => number, depth = 0): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const r = random();
  if (depth < 3 && r < 0.25) {
    const op = pick([" AND ", " OR ", " "]);
    return `(${randomQuery(random, depth + 1)}${op}${randomQuery(random, depth + 1)})`;
  }
  if (depth < 3 && r < 0.35) return `${pick(["NOT ", "-"])}${randomQuery(random, depth + 1)}`;
  const field = random() < 0.9 ? `${pick(FIELDS)}:` : "";
  const v = pick(WORDS);
  const value = v.includes(" ") ? `"${v}"` : v;
  const n = () => pick(["0", "50", "75", "-3", "1e2", "100", "abc", "1.0.0"]);
  switch (Math.floor(random() * 8)) {
    case 0:
      return `${field}${value}`;
    case 1:
      return `${field}*`;
    case 2:
      return `${field}${value.replace(/"/g, "").slice(0, 2)}*`;
    case 3:
      return `${field}${pick(["[", "{"])}${pick([n(), "*"])} TO ${pick([n(), "*"])}${pick(["]", "}"])}`;
    case 4:
      return field ? `${field.slice(0, -1)}${pick([">", "<", ">=", "<="])}${n()}` : value;
    case 5:
      return field ? `${field}(${value} OR ${pick(WORDS).replace(" ", "_")})` : value;
    case 6:
      return `${field}${value.replace(/"/g, "").slice(0, 1)}?${value.replace(/"/g, "").slice(2)}`;
    default:
      return `${field}"${v}"`;
  }
}

test("fleet index and one-document matcher agree on 2000 random queries over 300 documents", () => {
  const random = rng(20240917);
  const docs = makeDocs(random, 300);
  const index = new ThingIndex("test");
  for (const doc of docs) index.upsert({ doc: { ...doc, groups: [...doc.groups] } });
  const values = docs.map((doc) => ({ name: doc.name, values: thingValues({ doc }) }));
  let nonTrivial = 0;
  for (let i = 0; i < 2000; i++) {
    const q = randomQuery(random);
    let node: QueryNode;
    try {
      node = parseQuery(q);
    } catch (e) {
      assert.ok(isServiceError(e) && e.code === "InvalidQueryException", `${q}: ${String(e)}`);
      continue;
    }
    const fromIndex = [...index.matching(index.evaluate(node))].map((d) => d.name);
    const fromDocs = values.filter((d) => matchesDocument(node, d.values)).map((d) => d.name);
    assert.deepEqual(fromIndex, fromDocs.sort(), q);
    if (fromIndex.length > 0 && fromIndex.length < docs.length) nonTrivial++;
  }
  assert.ok(nonTrivial > 500, `only ${nonTrivial} queries selected a proper subset`);
});

test("updates, removals and group changes keep the index equal to a rebuilt one", () => {
  const random = rng(7);
  const docs = makeDocs(random, 200);
  const live = new ThingIndex("live");
  for (const doc of docs) live.upsert({ doc: { ...doc, groups: [...doc.groups] } });
  const replacements = makeDocs(random, 200);
  for (let i = 0; i < 400; i++) {
    const k = Math.floor(random() * docs.length);
    const action = random();
    if (action < 0.4) {
      docs[k] = { ...replacements[k], name: docs[k].name };
      live.upsert({ doc: { ...docs[k], groups: [...docs[k].groups] } });
    } else if (action < 0.6) {
      live.remove(docs[k].name);
      docs[k] = { ...docs[k], name: `gone-${i}` };
      live.upsert({ doc: { ...docs[k], groups: [...docs[k].groups] } });
    } else {
      docs[k] = { ...docs[k], groups: random() < 0.5 ? [] : ["dyn", "US_Fleet"] };
      live.setGroups(docs[k].name, docs[k].groups);
    }
  }
  const rebuilt = new ThingIndex("rebuilt");
  for (const doc of docs) rebuilt.upsert({ doc: { ...doc, groups: [...doc.groups] } });
  assert.equal(live.size, rebuilt.size);
  for (let i = 0; i < 500; i++) {
    const q = randomQuery(random);
    let node: QueryNode;
    try {
      node = parseQuery(q);
    } catch {
      continue;
    }
    const a = [...live.matching(live.evaluate(node))].map((d) => d.name);
    const b = [...rebuilt.matching(rebuilt.evaluate(node))].map((d) => d.name);
    assert.deepEqual(a, b, q);
  }
  const all = parseQuery("*");
  assert.deepEqual(
    [...live.matching(live.evaluate(all))].map((d) => d.name),
    docs.map((d) => d.name).sort(),
  );
});

test("pages walk the name order from the token's position", () => {
  const index = new ThingIndex("pages");
  const names = Array.from({ length: 250 }, (_, i) => `p-${String(i).padStart(3, "0")}`);
  for (const name of [...names].reverse())
    index.upsert({ doc: { name, id: name, groups: [], attributes: {}, version: 1 } });
  const bits = index.evaluate(parseQuery("*"));
  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = index.page(bits, after, 100);
    seen.push(...page.docs.map((d) => d.name));
    if (!page.more) break;
    after = page.docs[page.docs.length - 1].name;
  }
  assert.deepEqual(seen, names);
  assert.deepEqual(
    index.page(bits, "p-2", 3).docs.map((d) => d.name),
    ["p-200", "p-201", "p-202"],
  );
});

const ALPHABET = "abcAB09 :*?\"()[]{}<>=-\\$._~^/@#,;%`'\t" + "ANDORNOTTO";

test("Q-7 property: 20000 random strings either parse or raise InvalidQueryException", () => {
  const random = rng(99);
  for (let i = 0; i < 20000; i++) {
    const len = Math.floor(random() * 40);
    let q = "";
    for (let k = 0; k < len; k++) {
      q +=
        random() < 0.15
          ? ` ${["AND", "OR", "NOT", "TO"][Math.floor(random() * 4)]} `
          : ALPHABET[Math.floor(random() * ALPHABET.length)];
    }
    try {
      parseQuery(q);
    } catch (e) {
      assert.ok(
        isServiceError(e) && e.code === "InvalidQueryException",
        `${JSON.stringify(q)}: ${String(e)}`,
      );
    }
  }
});

test("large postings (bit sets past 1024 members) stay exact through updates and removals", () => {
  const random = rng(31337);
  const docs = makeDocs(random, 3000).map((d, i) =>
    i % 3 === 0 ? d : { ...d, attributes: { ...d.attributes, country: "US" } },
  );
  const index = new ThingIndex("dense");
  for (const doc of docs) index.upsert({ doc: { ...doc, groups: [...doc.groups] } });
  for (let i = 0; i < 1500; i++) {
    const k = Math.floor(random() * docs.length);
    if (random() < 0.5) {
      index.remove(docs[k].name);
      docs[k] = { ...docs[k], name: `${docs[k].name}-r${i}`, attributes: { country: "US" } };
    } else docs[k] = { ...docs[k], attributes: { country: random() < 0.5 ? "CA" : "US" }, groups: ["beta"] };
    index.upsert({ doc: { ...docs[k], groups: [...docs[k].groups] } });
  }
  const values = docs.map((doc) => ({ name: doc.name, values: thingValues({ doc }) }));
  for (const q of [
    "attributes.country:US",
    "attributes.country:(US OR CA) AND NOT thingGroupNames:beta",
    "shadow.hasDelta:false",
    "thingTypeName:Sedan AND shadow.reported.battery:[10 TO 60}",
    "NOT attributes.country:US",
    "registry.version:1",
  ]) {
    const node = parseQuery(q);
    const fromIndex = [...index.matching(index.evaluate(node))].map((d) => d.name);
    const fromDocs = values
      .filter((d) => matchesDocument(node, d.values))
      .map((d) => d.name)
      .sort();
    assert.deepEqual(fromIndex, fromDocs, q);
    assert.ok(
      fromIndex.length > 1024 || q.includes("battery") || q.startsWith("NOT"),
      `${q} should hit a large posting`,
    );
  }
});

test("IDX-5/IDX-11: connectivity is indexed as connectivity.* and returned in the document", () => {
  const doc: IndexedThing = {
    name: "c1",
    id: "id-c1",
    groups: [],
    attributes: {},
    version: 1,
    connectivity: { connected: false, timestamp: 1700000000000, disconnectReason: "CONNECTION_LOST" },
  };
  const values = thingValues({ doc });
  for (const [q, want] of [
    ["connectivity.connected:false", true],
    ["connectivity.connected:true", false],
    ["connectivity.timestamp>1600000000000", true],
    ["connectivity.disconnectReason:connection_lost", true],
    ["connectivity:*", true],
  ] as const)
    assert.equal(matchesDocument(parseQuery(q), values), want, q);
  assert.deepEqual(renderThingDocument(doc).connectivity, {
    connected: false,
    timestamp: 1700000000000,
    disconnectReason: "CONNECTION_LOST",
  });
});
