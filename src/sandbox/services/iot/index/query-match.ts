/**
 * What a query leaf matches (Q-2..Q-4, IDX-6), over typed values: strings (lower-cased, Q-2),
 * numbers and booleans. The in-memory index and the one-document evaluator (dynamic groups,
 * thing groups) share these tests, so both always agree.
 */
import type { LeafMatch, QueryLeaf, QueryNode, RangeBound } from "./query-syntax.js";

/** IDX-6: a registry attribute that is a JSON number literal is also indexed as that number. */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
/** Numbers as a query may spell them (Java's Double.parseDouble, roughly). */
const QUERY_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const isAttributeField = (field: string): boolean => field.startsWith("attributes.");

export function jsonNumberValue(text: string): number | undefined {
  if (!JSON_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n + 0 : undefined;
}

function queryNumber(text: string): number | undefined {
  if (!QUERY_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n + 0 : undefined;
}

/** Receives the typed values of one field; strings arrive lower-cased with their original. */
export interface ValueSink {
  str(field: string, lower: string, original: string): void;
  num(field: string, value: number): void;
  bool(field: string, value: boolean): void;
}

/** IDX-6 typing of one scalar; attribute strings that are JSON numbers are numbers too. */
export function emitValue(sink: ValueSink, field: string, value: string | number | boolean): void {
  if (typeof value === "string") {
    sink.str(field, value.toLowerCase(), value);
    if (isAttributeField(field)) {
      const n = jsonNumberValue(value);
      if (n !== undefined) sink.num(field, n);
    }
  } else if (typeof value === "number") {
    if (Number.isFinite(value)) sink.num(field, value + 0);
  } else sink.bool(field, value);
}

/** The values of one field of one document. */
export interface TypedValues {
  str: string[];
  /** The strings as written (same order as `str`). */
  original: string[];
  num: number[];
  bool: boolean[];
}
export type DocValues = Map<string, TypedValues>;

export class DocValuesBuilder implements ValueSink {
  readonly values: DocValues = new Map();

  private of(field: string): TypedValues {
    let v = this.values.get(field);
    if (!v) {
      v = { str: [], original: [], num: [], bool: [] };
      this.values.set(field, v);
    }
    return v;
  }

  str(field: string, lower: string, original: string): void {
    const v = this.of(field);
    v.str.push(lower);
    v.original.push(original);
  }

  num(field: string, value: number): void {
    this.of(field).num.push(value);
  }

  bool(field: string, value: boolean): void {
    this.of(field).bool.push(value);
  }
}

/**
 * A compiled leaf. `exists` matches any value; `probe` lists the exact keys a term can hit
 * (the index looks them up); otherwise the per-type tests decide. `attribute` tells a test
 * that the value came from a registry attribute, whose numeric strings have a number twin.
 */
export interface LeafTest {
  field?: string;
  exists: boolean;
  probe?: { str: string; num?: number; bool?: boolean };
  /** Literal prefix of a wildcard pattern (lower-cased), to narrow sorted keys. */
  prefix?: string;
  str(lower: string, attribute: boolean): boolean;
  num(value: number, attribute: boolean): boolean;
  bool(value: boolean): boolean;
}

const never = () => false;

/** `*` any run, `?` one character; linear-time matching (no backtracking blow-up). */
export function wildcardMatcher(text: string, wildcards: number[]): (s: string) => boolean {
  const lower = text.toLowerCase();
  const kinds: number[] = []; // 0 literal, 1 '*', 2 '?'
  const chars: string[] = [];
  const marks = new Set(wildcards);
  for (let i = 0; i < lower.length; i++) {
    kinds.push(marks.has(i) ? (text[i] === "*" ? 1 : 2) : 0);
    chars.push(lower[i]);
  }
  return (s: string) => {
    let p = 0;
    let i = 0;
    let star = -1;
    let resume = 0;
    while (i < s.length) {
      if (p < kinds.length && kinds[p] !== 1 && (kinds[p] === 2 || chars[p] === s[i])) {
        p++;
        i++;
      } else if (p < kinds.length && kinds[p] === 1) {
        star = p++;
        resume = i;
      } else if (star >= 0) {
        p = star + 1;
        i = ++resume;
      } else return false;
    }
    while (p < kinds.length && kinds[p] === 1) p++;
    return p === kinds.length;
  };
}

function literalPrefix(text: string, wildcards: number[]): string {
  return text.slice(0, wildcards[0]).toLowerCase();
}

type Compare = (a: number, b: number) => boolean;
const ge: Compare = (a, b) => a >= b;
const gt: Compare = (a, b) => a > b;
const le: Compare = (a, b) => a <= b;
const lt: Compare = (a, b) => a < b;

/**
 * numeric comparison when the value is a number and every bound is a number, otherwise
 * case-insensitive lexicographic comparison of the texts. For attributes the number twin
 * answers in numeric mode and the text in string mode, so each attribute value is compared
 * once. Booleans are never in a range (emulator choice).
 */
function rangeTest(field: string | undefined, lower?: RangeBound, upper?: RangeBound): LeafTest {
  const bounds = [lower, upper].filter((b): b is RangeBound => b !== undefined);
  if (bounds.length === 0) return existsTest(field);
  const numbers = bounds.map((b) => (b.quoted ? undefined : queryNumber(b.text)));
  const numeric = numbers.every((n) => n !== undefined);
  const lowText = lower?.text.toLowerCase();
  const highText = upper?.text.toLowerCase();
  const lexical = (s: string): boolean =>
    (lowText === undefined || (lower!.inclusive ? s >= lowText : s > lowText)) &&
    (highText === undefined || (upper!.inclusive ? s <= highText : s < highText));
  const lowNum = lower ? numbers[0] : undefined;
  const highNum = upper ? numbers[numbers.length - 1] : undefined;
  const lowCmp = lower?.inclusive ? ge : gt;
  const highCmp = upper?.inclusive ? le : lt;
  const numericTest = (n: number): boolean =>
    (lowNum === undefined || lowCmp(n, lowNum)) && (highNum === undefined || highCmp(n, highNum));
  return {
    field,
    exists: false,
    str: (s, attribute) => (numeric && attribute && jsonNumberValue(s) !== undefined ? false : lexical(s)),
    num: (n, attribute) => (numeric ? numericTest(n) : !attribute && lexical(String(n))),
    bool: never,
  };
}

function existsTest(field: string | undefined): LeafTest {
  const always = () => true;
  return { field, exists: true, str: always, num: always, bool: always };
}

/** the whole value, case-insensitive; numbers by value; booleans by name. */
function termTest(field: string | undefined, text: string): LeafTest {
  const lower = text.toLowerCase();
  const num = queryNumber(text);
  const bool = lower === "true" ? true : lower === "false" ? false : undefined;
  const probe: LeafTest["probe"] = { str: lower };
  if (num !== undefined) probe.num = num;
  if (bool !== undefined) probe.bool = bool;
  return {
    field,
    exists: false,
    probe,
    str: (s) => s === lower,
    num: (n) => num !== undefined && n === num,
    bool: (b) => bool !== undefined && b === bool,
  };
}

/** Wildcards match text values only (strings and attributes), never numbers or booleans. */
function wildcardTest(field: string | undefined, text: string, wildcards: number[]): LeafTest {
  const matches = wildcardMatcher(text, wildcards);
  return {
    field,
    exists: false,
    prefix: literalPrefix(text, wildcards),
    str: matches,
    num: never,
    bool: never,
  };
}

export function compileLeaf(leaf: QueryLeaf): LeafTest {
  const m: LeafMatch = leaf.match;
  switch (m.type) {
    case "exists":
      return existsTest(leaf.field);
    case "term":
      return termTest(leaf.field, m.text);
    case "wildcard":
      return wildcardTest(leaf.field, m.text, m.wildcards);
    case "range":
      return rangeTest(leaf.field, m.lower, m.upper);
  }
}

const compiled = new WeakMap<QueryLeaf, LeafTest>();
export function leafTest(leaf: QueryLeaf): LeafTest {
  let t = compiled.get(leaf);
  if (!t) {
    t = compileLeaf(leaf);
    compiled.set(leaf, t);
  }
  return t;
}

function valuesMatch(test: LeafTest, field: string, v: TypedValues): boolean {
  const attribute = isAttributeField(field);
  return (
    v.str.some((s) => test.str(s, attribute)) ||
    v.num.some((n) => test.num(n, attribute)) ||
    v.bool.some((b) => test.bool(b))
  );
}

/**
 * Evaluates a query against one document's values. `path:*` also holds when the path is an
 * object with indexed leaves below it (`shadow.reported.location:*`, Q-3).
 */
export function matchesDocument(node: QueryNode, doc: DocValues): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((c) => matchesDocument(c, doc));
    case "or":
      return node.children.some((c) => matchesDocument(c, doc));
    case "not":
      return !matchesDocument(node.child, doc);
    case "leaf": {
      const test = leafTest(node);
      if (test.field === undefined) {
        for (const [field, v] of doc) if (valuesMatch(test, field, v)) return true;
        return false;
      }
      const v = doc.get(test.field);
      if (v !== undefined && valuesMatch(test, test.field, v)) return true;
      if (!test.exists) return false;
      const below = `${test.field}.`;
      for (const field of doc.keys()) if (field.startsWith(below)) return true;
      return false;
    }
  }
}
