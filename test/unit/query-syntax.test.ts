/**
 * The fleet indexing query parser (aws-semantics.md §4.3): the tree it builds for each
 * construct, and the InvalidQueryException it raises for everything Q-7 refuses.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isServiceError } from "../../src/sandbox/errors.js";
import { parseQuery, type QueryNode } from "../../src/sandbox/services/iot/index/query-syntax.js";

/** A compact rendering of the tree: leaves as field:match, operators as (AND ...), (OR ...), (NOT ...). */
function show(n: QueryNode): string {
  switch (n.kind) {
    case "and":
      return `(AND ${n.children.map(show).join(" ")})`;
    case "or":
      return `(OR ${n.children.map(show).join(" ")})`;
    case "not":
      return `(NOT ${show(n.child)})`;
    case "leaf": {
      const f = n.field ?? "*all*";
      const m = n.match;
      if (m.type === "exists") return `${f}:EXISTS`;
      if (m.type === "term") return `${f}=${JSON.stringify(m.text)}`;
      if (m.type === "wildcard") return `${f}~${JSON.stringify(m.text)}@${m.wildcards.join(",")}`;
      const lo = m.lower
        ? `${m.lower.inclusive ? "[" : "{"}${m.lower.quoted ? '"' : ""}${m.lower.text}`
        : "[*";
      const hi = m.upper
        ? `${m.upper.quoted ? '"' : ""}${m.upper.text}${m.upper.inclusive ? "]" : "}"}`
        : "*]";
      return `${f}${lo},${hi}`;
    }
  }
}

const cases: Array<[string, string]> = [
  ["thingName:abc", 'thingName="abc"'],
  ["thingName:Vehicle-VIN-001", 'thingName="Vehicle-VIN-001"'],
  ["thingName:abc thingTypeName:xyz", '(AND thingName="abc" thingTypeName="xyz")'],
  ["a AND b OR c", '(OR (AND *all*="a" *all*="b") *all*="c")'],
  ["a OR b AND c", '(OR *all*="a" (AND *all*="b" *all*="c"))'],
  ["NOT a AND b", '(AND (NOT *all*="a") *all*="b")'],
  ["-a b", '(AND (NOT *all*="a") *all*="b")'],
  ["- a", '(NOT *all*="a")'],
  ["NOT NOT a", '(NOT (NOT *all*="a"))'],
  ["(a OR b) c", '(AND (OR *all*="a" *all*="b") *all*="c")'],
  ["attributes.country:(US OR CA)", '(OR attributes.country="US" attributes.country="CA")'],
  ["thingName:(tv* AND -plasma)", '(AND thingName~"tv*"@2 (NOT thingName="plasma"))'],
  ["f:(a b)", '(AND f="a" f="b")'],
  ["f:(a (b OR c))", '(AND f="a" (OR f="b" f="c"))'],
  ["f:([1 TO 2] OR >5)", "(OR f[1,2] f{5,*])"],
  ["shadow.reported.batteryStatus:[50 TO *]", "shadow.reported.batteryStatus[50,*]"],
  ["x:[* TO 30]", "x[*,30]"],
  ["x:{1 TO 5]", "x{1,5]"],
  ["x:[1 TO 5}", "x[1,5}"],
  ["x:[* TO *]", "x[*,*]"],
  ['x:["abcd" TO "abcf"]', 'x["abcd,"abcf]'],
  ["x:[-10 TO -1]", "x[-10,-1]"],
  ["x>5", "x{5,*]"],
  ["x >= 5", "x[5,*]"],
  ["x<5", "x[*,5}"],
  ["x <=-5", "x[*,-5]"],
  ["x:>5", "x{5,*]"],
  ["x:-5", 'x="-5"'],
  ["x:*", "x:EXISTS"],
  ["*", "*all*:EXISTS"],
  ["x:a*", 'x~"a*"@1'],
  ["x:a?c", 'x~"a?c"@1'],
  ["x:*abc", 'x~"*abc"@0'],
  ["x:a\\*b", 'x="a*b"'],
  ['x:"a*b c"', 'x="a*b c"'],
  ['x:"say \\"hi\\""', 'x="say \\"hi\\""'],
  [
    "shadow.name.\\$package.reported.SedanVehicle.version:1.1.0",
    'shadow.name.$package.reported.SedanVehicle.version="1.1.0"',
  ],
  [
    "shadow.name.$package.reported.SedanVehicle.version:1.1.0",
    'shadow.name.$package.reported.SedanVehicle.version="1.1.0"',
  ],
  ["thingName:alpha\\:beta", 'thingName="alpha:beta"'],
  ["attributes.lot\\:nr:5", 'attributes.lot:nr="5"'],
  ["attributes.part\\#no:x\\@y", 'attributes.part#no="x@y"'],
  ["registry.thingTypeName:a", 'thingTypeName="a"'],
  ["thingName:TO", 'thingName="TO"'],
  ["a and b", '(AND *all*="a" *all*="and" *all*="b")'],
  ["x:\\AND", 'x="AND"'],
  ["thingName:abc\u3000thingId:1", '(AND thingName="abc" thingId="1")'],
];

for (const [query, tree] of cases) {
  test(`Q-1..Q-5: parses ${JSON.stringify(query)}`, () => {
    assert.equal(show(parseQuery(query)), tree);
  });
}

function rejects(query: string, message: RegExp): void {
  let caught: unknown;
  try {
    parseQuery(query);
  } catch (e) {
    caught = e;
  }
  assert.ok(isServiceError(caught), `expected InvalidQueryException for ${JSON.stringify(query)}`);
  assert.equal(caught.code, "InvalidQueryException");
  assert.equal(caught.status, 400);
  assert.match(caught.message, message);
}

const invalid: Array<[string, RegExp]> = [
  ["", /empty/],
  ["   \t ", /empty/],
  ["(", /ends where a term|Missing '\)'/],
  ["(a OR b", /Missing '\)'/],
  ["a OR b)", /Unexpected '\)'/],
  ["()", /Unexpected '\)'/],
  ["AND a", /needs a term on both sides/],
  ["a AND", /ends where a term/],
  ["a OR", /ends where a term/],
  ["NOT", /ends where a term/],
  ["thingName:", /Expected a value/],
  ["thingName:AND", /Expected a value/],
  ["x:[1 TO 5", /Expected '\]' or '\}'/],
  ["x:[1 5]", /Expected 'TO'/],
  ["x:[1 TO]", /Expected a value/],
  ["x:a:b", /Unexpected ':'/],
  ["thing*:a", /Field names cannot contain wildcards/],
  ['x:"abc', /Unterminated/],
  ['x:"abc\\', /Unterminated/],
  ["x:abc\\", /Dangling escape/],
  ["x:a@b", /Unsupported character '@'/],
  ["x:/regex/", /Unsupported character '\/'/],
  ["x:abc~", /Unsupported character '~'/],
  ["x:abc~2", /Unsupported character '~'/],
  ["x:abc^2", /Unsupported character '\^'/],
  ["x:a,b", /Unsupported character ','/],
  ["x:a;b", /Unsupported character ';'/],
  ["x:it's", /Unsupported character '''/],
  ["x:a%", /Unsupported character '%'/],
  ["x:a#", /Unsupported character '#'/],
  ["x:`a`", /Unsupported character '`'/],
  ["x>*", /needs a value/],
  ["a b c d e f g h i j k l m", /13 terms; at most 12/],
  ["f:(a OR b OR c OR d OR e OR f OR g OR h OR i OR j OR k OR l OR m)", /13 terms/],
  ["thingName:*my AND thingGroupNames:*echo", /At most 1 term per query can start with a wildcard/],
  [`thingName:*my AND attributes.a:${"x".repeat(90)}`, /at most 100 characters/],
  [`${"(".repeat(60)}a${")".repeat(60)}`, /nested more than/],
  [`${"NOT ".repeat(60)}a`, /nested more than/],
  ["]", /Unexpected '\]'/],
  [":a", /Unexpected ':'/],
];

for (const [query, message] of invalid) {
  test(`Q-7: refuses ${JSON.stringify(query.length > 60 ? `${query.slice(0, 60)}...` : query)}`, () => {
    rejects(query, message);
  });
}

test("Q-7: exactly 12 terms and one short leading wildcard are accepted", () => {
  parseQuery("a b c d e f g h i j k l");
  parseQuery("thingName:*my AND thingTypeName:abc");
  parseQuery("thingName:?abc");
  parseQuery(`thingName:*my AND attributes.a:${"x".repeat(60)}`);
});

test("Q-7: a huge query never overflows the stack, it is refused", () => {
  rejects("(".repeat(200_000), /nested more than/);
  rejects("- ".repeat(200_000) + "a", /nested more than/);
  rejects("a ".repeat(100_000), /terms; at most 12/);
});
