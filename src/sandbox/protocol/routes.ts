/**
 * Matches method + path + query of a REST request against the URI templates of a service's
 * operations (restJson1 and restXml). Literal segments beat labels, literal query keys and
 * present required query/header members beat their absence, so `PUT /{Key+}` with
 * `x-amz-copy-source` is CopyObject and with `partNumber&uploadId` is UploadPart. Labels the
 * address supplies outside the path (S3's bucket, from the host or the first segment, S3P-1)
 * count too: `GET /` naming a bucket is ListObjects, naming none is ListBuckets.
 */
import type { OperationSchema } from "./schema.js";
import { membersOf, requiredMembers } from "./schema.js";

interface Segment {
  literal?: string;
  label?: string;
  greedy?: boolean;
}

const WILDCARD = "\u0000*";

interface CompiledRoute {
  op: OperationSchema;
  segments: Segment[];
  /** Query keys and headers required by the operation's input members. */
  requiredQuery: string[];
  requiredHeaders: string[];
  /** Label members not in the path template (S3's `Bucket`), with whether each is required. */
  addressLabels: Array<{ name: string; required: boolean }>;
  literalCount: number;
}

export interface RouteMatch {
  op: OperationSchema;
  labels: Record<string, string>;
}

export interface RouteRequest {
  method: string;
  /** Path segments, already percent-decoded. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Labels the address supplied outside the path segments (S3: `Bucket`); undefined elsewhere. */
  addressLabels?: readonly string[];
}

export class RouteTable {
  private readonly byMethod = new Map<string, CompiledRoute[]>();
  /** method -> first path segment (or WILDCARD for a leading label) -> routes: keeps matching cheap. */
  private readonly index = new Map<string, Map<string, CompiledRoute[]>>();

  constructor(operations: Iterable<OperationSchema>) {
    for (const op of operations) {
      if (!op.method || op.pathTemplate === undefined) continue;
      const segments = op.pathTemplate
        .split("/")
        .filter((s) => s.length > 0)
        .map<Segment>((s) => {
          const m = /^\{([^}+]+)(\+?)\}$/.exec(s);
          return m ? { label: m[1], greedy: m[2] === "+" } : { literal: s };
        });
      const required = requiredMembers(op.input);
      const requiredQuery: string[] = [];
      const requiredHeaders: string[] = [];
      const addressLabels: CompiledRoute["addressLabels"] = [];
      const inPath = new Set(segments.map((s) => s.label));
      for (const m of membersOf(op.input)) {
        if (m.binding.kind === "label" && !inPath.has(m.name))
          addressLabels.push({ name: m.name, required: required.has(m.name) });
        if (!required.has(m.name)) continue;
        if (m.binding.kind === "query") requiredQuery.push(m.binding.name);
        if (m.binding.kind === "header") requiredHeaders.push(m.binding.name);
      }
      const route: CompiledRoute = {
        op,
        segments,
        requiredQuery,
        requiredHeaders,
        addressLabels,
        literalCount: segments.filter((s) => s.literal !== undefined).length,
      };
      const list = this.byMethod.get(op.method) ?? [];
      list.push(route);
      this.byMethod.set(op.method, list);
      const first = segments[0]?.literal ?? WILDCARD;
      const byFirst = this.index.get(op.method) ?? new Map<string, CompiledRoute[]>();
      byFirst.set(first, [...(byFirst.get(first) ?? []), route]);
      this.index.set(op.method, byFirst);
    }
  }

  private candidates(method: string, segments: string[]): CompiledRoute[] {
    const byFirst = this.index.get(method);
    if (!byFirst) return [];
    const exact = segments.length > 0 ? (byFirst.get(segments[0]) ?? []) : [];
    return [...exact, ...(byFirst.get(WILDCARD) ?? [])];
  }

  /** Methods that have at least one route whose path matches (for 405 answers). */
  methodsForPath(segments: string[]): string[] {
    const out: string[] = [];
    for (const [method, routes] of this.byMethod) {
      if (routes.some((r) => matchSegments(r.segments, segments))) out.push(method);
    }
    return out;
  }

  /**
   * The best route for the request. Routes whose required query keys and headers are present
   * win; when no route has them all, the best one missing some still matches, so that the
   * operation answers its validation error naming the member (VAL-1), not an unknown operation.
   */
  match(req: RouteRequest): RouteMatch | undefined {
    const routes = this.candidates(req.method, req.segments);
    let best: { score: number; match: RouteMatch } | undefined;
    let fallback: { score: number; match: RouteMatch } | undefined;
    for (const route of routes) {
      const labels = matchSegments(route.segments, req.segments);
      if (!labels) continue;
      let score = route.literalCount * 1000;
      let viable = true;
      for (const [k, v] of Object.entries(route.op.queryLiterals)) {
        if (!req.query.has(k) || (v !== "" && req.query.get(k) !== v)) {
          viable = false;
          break;
        }
        score += 100;
      }
      if (!viable) continue;
      let complete = true;
      for (const q of route.requiredQuery) {
        if (!req.query.has(q)) complete = false;
        else score += 10;
      }
      for (const h of route.requiredHeaders) {
        if (req.headers[h] === undefined) complete = false;
        else score += 10;
      }
      const addressed = addressScore(route, req.addressLabels);
      if (addressed === undefined) continue;
      score += addressed;
      const candidate = { score, match: { op: route.op, labels } };
      if (complete) {
        if (!best || score > best.score) best = candidate;
      } else if (!fallback || score > fallback.score) fallback = candidate;
    }
    return (best ?? fallback)?.match;
  }
}

/**
 * How the labels the address supplied fit a route: undefined when it takes one of them nowhere
 * (a bucket is never ListBuckets'), +10 per one it takes, -1 per required one missing (still
 * viable, so a bucket operation without a bucket gets its own error, but never beats a route
 * that needs none).
 */
function addressScore(route: CompiledRoute, supplied: readonly string[] | undefined): number | undefined {
  if (supplied === undefined) return 0;
  let score = 0;
  for (const name of supplied) if (!route.addressLabels.some((l) => l.name === name)) return undefined;
  for (const l of route.addressLabels) {
    if (supplied.includes(l.name)) score += 10;
    else if (l.required) score -= 1;
  }
  return score;
}

function matchSegments(template: Segment[], actual: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (let t = 0; t < template.length; t++) {
    const seg = template[t];
    if (seg.greedy && seg.label) {
      const rest = template.length - t - 1;
      const take = actual.length - i - rest;
      if (take < 1) return undefined;
      labels[seg.label] = actual.slice(i, i + take).join("/");
      i += take;
      continue;
    }
    if (i >= actual.length) return undefined;
    if (seg.literal !== undefined) {
      if (seg.literal !== actual[i]) return undefined;
    } else if (seg.label) {
      if (actual[i] === "") return undefined;
      labels[seg.label] = actual[i];
    }
    i++;
  }
  return i === actual.length ? labels : undefined;
}
