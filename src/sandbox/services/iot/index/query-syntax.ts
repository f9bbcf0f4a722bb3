/**
 * The fleet indexing query language, queryVersion 2017-09-30 (aws-semantics.md §4.3, Q-1..Q-7):
 * a Lucene-like subset parsed into a small boolean tree. Every malformed query becomes an
 * InvalidQueryException with the position of the problem; nothing here throws anything else.
 */
import { ServiceError } from "../../../errors.js";
import { ownValue } from "../../../records.js";

export const QUERY_VERSION = "2017-09-30";
/** Q-7 [S2] */
export const MAX_QUERY_TERMS = 12;
/** Q-3 [S2]: leading-wildcard terms per query, and the query length allowed with one. */
export const MAX_LEADING_WILDCARD_TERMS = 1;
export const MAX_LEADING_WILDCARD_QUERY_LENGTH = 100;
/** Parentheses and NOT chains deeper than this are refused rather than recursed into. */
const MAX_NESTING = 40;

export interface RangeBound {
  text: string;
  inclusive: boolean;
  /** Quoted bounds are always strings (Q-4 `["abcd" TO "abcf"]`). */
  quoted: boolean;
}

export type LeafMatch =
  /** `field:*`, and the whole query `*` (Q-3). */
  | { type: "exists" }
  /** A term without wildcards or a quoted phrase: the whole value, case-insensitive (Q-2). */
  | { type: "term"; text: string }
  /** `text` with `*`/`?` wildcards at the positions listed in `wildcards` (escaped ones are literal). */
  | { type: "wildcard"; text: string; wildcards: number[] }
  | { type: "range"; lower?: RangeBound; upper?: RangeBound };

export interface QueryLeaf {
  kind: "leaf";
  /** Dotted field path (Q-1); undefined searches every indexed field (Q-6). */
  field?: string;
  match: LeafMatch;
}

export type QueryNode =
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode }
  | QueryLeaf;

export function invalidQuery(message: string): ServiceError {
  return new ServiceError("InvalidQueryException", message, {}, 400);
}

/** Managed registry field names (IDX-3) are also accepted where the query language has short ones. */
const FIELD_ALIASES: Record<string, string> = {
  "registry.thingTypeName": "thingTypeName",
  "registry.thingGroupNames": "thingGroupNames",
  "registry.thingName": "thingName",
  "registry.thingId": "thingId",
};
export const canonicalField = (field: string): string => ownValue(FIELD_ALIASES, field) ?? field;

type Punct = "(" | ")" | "[" | "]" | "{" | "}" | ":" | "-";
type Token =
  | { t: "word"; text: string; wildcards: number[]; escaped: boolean; pos: number; end: number }
  | { t: "phrase"; text: string; pos: number; end: number }
  | { t: "cmp"; op: ">" | ">=" | "<" | "<="; pos: number; end: number }
  | { t: Punct; pos: number; end: number };

/** Java's Character.isWhitespace separates words (query syntax notes [S2]). */
const WHITESPACE = /[\t\n\u000B\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]/;
/** Q-7: unsupported outside quotes and escapes (regex `/`, fuzzy `~`, boost `^`, and the listed specials). */
const UNSUPPORTED = new Set(["`", "@", "#", "%", "/", "'", ";", ",", "~", "^"]);
const PUNCT = new Set<string>(["(", ")", "[", "]", "{", "}", ":"]);
const KEYWORDS = new Set(["AND", "OR", "NOT", "TO"]);

const at = (pos: number) => `at position ${pos + 1}`;

function describeChar(c: string): string {
  return WHITESPACE.test(c) ? "whitespace" : `'${c}'`;
}

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (WHITESPACE.test(c)) {
      i++;
    } else if (PUNCT.has(c)) {
      out.push({ t: c as Punct, pos: i, end: i + 1 });
      i++;
    } else if (c === ">" || c === "<") {
      const op = q[i + 1] === "=" ? (`${c}=` as ">=" | "<=") : c;
      out.push({ t: "cmp", op, pos: i, end: i + op.length });
      i += op.length;
    } else if (c === '"') {
      i = readPhrase(q, i, out);
    } else if (c === "-") {
      out.push({ t: "-", pos: i, end: i + 1 });
      i++;
    } else {
      i = readWord(q, i, out);
    }
  }
  return out;
}

function readPhrase(q: string, start: number, out: Token[]): number {
  let text = "";
  let i = start + 1;
  while (i < q.length && q[i] !== '"') {
    if (q[i] === "\\") {
      if (i + 1 >= q.length) throw invalidQuery(`Unterminated quoted phrase starting ${at(start)}.`);
      i++;
    }
    text += q[i];
    i++;
  }
  if (i >= q.length) throw invalidQuery(`Unterminated quoted phrase starting ${at(start)}.`);
  out.push({ t: "phrase", text, pos: start, end: i + 1 });
  return i + 1;
}

function readWord(q: string, start: number, out: Token[]): number {
  let text = "";
  const wildcards: number[] = [];
  let escaped = false;
  let i = start;
  while (i < q.length) {
    const c = q[i];
    if (WHITESPACE.test(c) || PUNCT.has(c) || c === '"' || c === ">" || c === "<") break;
    if (c === "\\") {
      if (i + 1 >= q.length) throw invalidQuery(`Dangling escape character '\\' ${at(i)}.`);
      text += q[i + 1];
      escaped = true;
      i += 2;
      continue;
    }
    if (UNSUPPORTED.has(c))
      throw invalidQuery(
        `Unsupported character ${describeChar(c)} ${at(i)}: escape it with '\\' or quote the value.`,
      );
    if (c === "*" || c === "?") wildcards.push(text.length);
    text += c;
    i++;
  }
  out.push({ t: "word", text, wildcards, escaped, pos: start, end: i });
  return i;
}

type WordToken = Extract<Token, { t: "word" }>;
const isKeyword = (tok: Token | undefined, kw: string): boolean =>
  tok?.t === "word" && !tok.escaped && tok.text === kw;
const isAnyKeyword = (tok: WordToken): boolean => !tok.escaped && KEYWORDS.has(tok.text);

function describeToken(tok: Token | undefined): string {
  if (!tok) return "the end of the query";
  if (tok.t === "word") return `'${tok.text}'`;
  if (tok.t === "phrase") return `"${tok.text}"`;
  if (tok.t === "cmp") return `'${tok.op}'`;
  return `'${tok.t}'`;
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly leaves: QueryLeaf[] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.parseOr(undefined);
    const rest = this.tokens[this.i];
    if (rest) throw invalidQuery(`Unexpected ${describeToken(rest)} ${at(rest.pos)}.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token | undefined {
    return this.tokens[this.i++];
  }

  private enter(tok: Token): void {
    if (++this.depth > MAX_NESTING)
      throw invalidQuery(`The query is nested more than ${MAX_NESTING} levels deep ${at(tok.pos)}.`);
  }

  private parseOr(field: string | undefined): QueryNode {
    const children = [this.parseAnd(field)];
    while (isKeyword(this.peek(), "OR")) {
      this.i++;
      children.push(this.parseAnd(field));
    }
    return children.length === 1 ? children[0] : { kind: "or", children: flatten("or", children) };
  }

  /** Q-5: juxtaposition is AND. */
  private parseAnd(field: string | undefined): QueryNode {
    const children = [this.parseUnary(field)];
    for (;;) {
      const tok = this.peek();
      if (isKeyword(tok, "AND")) {
        this.i++;
        children.push(this.parseUnary(field));
      } else if (tok && tok.t !== ")" && !isKeyword(tok, "OR")) {
        children.push(this.parseUnary(field));
      } else break;
    }
    return children.length === 1 ? children[0] : { kind: "and", children: flatten("and", children) };
  }

  private parseUnary(field: string | undefined): QueryNode {
    const tok = this.peek();
    if (tok && (isKeyword(tok, "NOT") || tok.t === "-")) {
      this.i++;
      this.enter(tok);
      const child = this.parseUnary(field);
      this.depth--;
      return { kind: "not", child };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: string | undefined): QueryNode {
    const tok = this.next();
    if (!tok) throw invalidQuery("The query ends where a term was expected.");
    switch (tok.t) {
      case "(":
        return this.group(tok, field);
      case "[":
      case "{":
        return this.range(field, tok.t === "[");
      case "phrase":
        return this.leaf(field, { type: "term", text: tok.text });
      case "cmp":
        return this.comparison(field, tok.op);
      case "word":
        if (!tok.escaped && (tok.text === "AND" || tok.text === "OR"))
          throw invalidQuery(`'${tok.text}' ${at(tok.pos)} needs a term on both sides.`);
        if (this.peek()?.t === ":") {
          this.i++;
          return this.fieldValue(this.fieldName(tok));
        }
        if (this.peek()?.t === "cmp") {
          const cmp = this.next() as Extract<Token, { t: "cmp" }>;
          return this.comparison(this.fieldName(tok), cmp.op);
        }
        return this.valueLeaf(field, tok);
      default:
        throw invalidQuery(`Unexpected ${describeToken(tok)} ${at(tok.pos)}.`);
    }
  }

  private group(open: Token, field: string | undefined): QueryNode {
    this.enter(open);
    const node = this.parseOr(field);
    const close = this.next();
    if (close?.t !== ")")
      throw invalidQuery(`Missing ')' for the '(' ${at(open.pos)}; found ${describeToken(close)}.`);
    this.depth--;
    return node;
  }

  private fieldName(tok: WordToken): string {
    if (tok.wildcards.length > 0)
      throw invalidQuery(`Field names cannot contain wildcards: '${tok.text}' ${at(tok.pos)}.`);
    if (isAnyKeyword(tok)) throw invalidQuery(`'${tok.text}' ${at(tok.pos)} is not a field name.`);
    return canonicalField(tok.text);
  }

  /** What follows `field:` — a value, a phrase, a range, a comparison or a field group. */
  private fieldValue(field: string): QueryNode {
    const tok = this.peek();
    if (tok?.t === "(") {
      this.i++;
      return this.group(tok, field);
    }
    if (tok?.t === "[" || tok?.t === "{") {
      this.i++;
      return this.range(field, tok.t === "[");
    }
    if (tok?.t === "cmp") {
      this.i++;
      return this.comparison(field, tok.op);
    }
    const value = this.value(`after '${field}:'`);
    if (value.t === "phrase") return this.leaf(field, { type: "term", text: value.text });
    return this.valueLeaf(field, value);
  }

  /** One value token; a `-` glued to the following word is a negative number, not NOT. */
  private value(where: string): WordToken | Extract<Token, { t: "phrase" }> {
    const tok = this.next();
    if (tok?.t === "-") {
      const word = this.peek();
      if (word?.t === "word" && word.pos === tok.end) {
        this.i++;
        return { ...word, text: `-${word.text}`, wildcards: word.wildcards.map((w) => w + 1), pos: tok.pos };
      }
    }
    if (tok?.t === "phrase") return tok;
    if (tok?.t === "word" && !(isAnyKeyword(tok) && tok.text !== "TO")) return tok;
    throw invalidQuery(
      `Expected a value ${where}${tok ? ` ${at(tok.pos)}` : ""}, found ${describeToken(tok)}.`,
    );
  }

  private valueLeaf(field: string | undefined, tok: WordToken): QueryLeaf {
    if (tok.text === "*" && tok.wildcards.length === 1) return this.leaf(field, { type: "exists" });
    if (tok.wildcards.length > 0)
      return this.leaf(field, { type: "wildcard", text: tok.text, wildcards: tok.wildcards });
    return this.leaf(field, { type: "term", text: tok.text });
  }

  private bound(inclusive: boolean, where: string): RangeBound | undefined {
    const tok = this.value(where);
    if (tok.t === "word" && tok.text === "*" && tok.wildcards.length === 1) return undefined;
    return { text: tok.text, inclusive, quoted: tok.t === "phrase" };
  }

  /** Q-4: `[a TO b]`, `{a TO b}`, mixed brackets, `*` for an open end. */
  private range(field: string | undefined, lowerInclusive: boolean): QueryLeaf {
    const lower = this.bound(lowerInclusive, "as the lower bound of a range");
    const to = this.next();
    if (!isKeyword(to, "TO"))
      throw invalidQuery(
        `Expected 'TO' in a range${to ? ` ${at(to.pos)}` : ""}, found ${describeToken(to)}.`,
      );
    const upperTok = this.value("as the upper bound of a range");
    const close = this.next();
    if (close?.t !== "]" && close?.t !== "}")
      throw invalidQuery(
        `Expected ']' or '}' to close a range${close ? ` ${at(close.pos)}` : ""}, found ${describeToken(close)}.`,
      );
    const upper =
      upperTok.t === "word" && upperTok.text === "*" && upperTok.wildcards.length === 1
        ? undefined
        : { text: upperTok.text, inclusive: close.t === "]", quoted: upperTok.t === "phrase" };
    return this.leaf(field, { type: "range", lower, upper });
  }

  /** Q-4: `field>v`, `field>=v`, `field<v`, `field<=v`. */
  private comparison(field: string | undefined, op: ">" | ">=" | "<" | "<="): QueryLeaf {
    const tok = this.value(`after '${op}'`);
    if (tok.t === "word" && tok.text === "*" && tok.wildcards.length === 1)
      throw invalidQuery(`'${op}' needs a value, not '*' ${at(tok.pos)}.`);
    const bound: RangeBound = { text: tok.text, inclusive: op.length === 2, quoted: tok.t === "phrase" };
    return this.leaf(
      field,
      op[0] === ">" ? { type: "range", lower: bound } : { type: "range", upper: bound },
    );
  }

  private leaf(field: string | undefined, match: LeafMatch): QueryLeaf {
    const leaf: QueryLeaf = { kind: "leaf", match };
    if (field !== undefined) leaf.field = field;
    this.leaves.push(leaf);
    return leaf;
  }
}

function flatten(kind: "and" | "or", children: QueryNode[]): QueryNode[] {
  return children.flatMap((c) => (c.kind === kind ? c.children : [c]));
}

/** True for a wildcard term starting with `*` or `?` (Q-3), the lone `*` excepted. */
const leadingWildcard = (leaf: QueryLeaf): boolean =>
  leaf.match.type === "wildcard" && leaf.match.wildcards[0] === 0;

/** Parses a query string (Q-1..Q-7); throws InvalidQueryException (400) on any problem. */
export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  if (tokens.length === 0) throw invalidQuery("The query string is empty.");
  const parser = new Parser(tokens);
  const node = parser.parse();
  if (parser.leaves.length > MAX_QUERY_TERMS)
    throw invalidQuery(
      `The query has ${parser.leaves.length} terms; at most ${MAX_QUERY_TERMS} are allowed.`,
    );
  const leading = parser.leaves.filter(leadingWildcard).length;
  if (leading > MAX_LEADING_WILDCARD_TERMS)
    throw invalidQuery(
      `At most ${MAX_LEADING_WILDCARD_TERMS} term per query can start with a wildcard (found ${leading}).`,
    );
  if (leading > 0 && query.length > MAX_LEADING_WILDCARD_QUERY_LENGTH)
    throw invalidQuery(
      `A query with a leading wildcard can be at most ${MAX_LEADING_WILDCARD_QUERY_LENGTH} characters long (this one has ${query.length}).`,
    );
  return node;
}
