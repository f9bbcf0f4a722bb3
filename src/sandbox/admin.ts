/**
 * The admin API under `/_iotdm/` (the CLI's control of an instance). Only `GET /_iotdm/health`,
 * which carries nothing secret, is open; every other endpoint needs the instance's admin token
 * (`Authorization: Bearer <token>`, settings.ts). Requests carrying an `Origin` header (a web page)
 * and POSTs that are not `application/json` are refused, so a page in the user's browser cannot
 * reach them even with a "simple" cross-origin request or DNS rebinding. Values are validated
 * before anything changes; errors are JSON `{"message": ...}` with a 4xx status.
 *
 *   GET  /_iotdm/health                 status (pid, port, data dir, settings), no token
 *   POST /_iotdm/clock   {advanceSeconds?}  advance the sandbox clock; answers {now, offsetSeconds}
 *   POST /_iotdm/config  {throttle?, failRate?, failMode?, auth?}  change settings; answers the status
 *   POST /_iotdm/reset                   delete every resource
 *   POST /_iotdm/shutdown                stop the process
 *   GET  /_iotdm/logs?since=&limit=&wait=  request log entries after `since` (wait: long poll, ms)
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { type Headers, headerString } from "./protocol/exchange.js";
import type { RawResponse } from "./protocol/http-bindings.js";
import type { RequestLog } from "./request-log.js";
import { isFailMode, isLoopbackHost, type SandboxSettings } from "./settings.js";

/** What the admin API acts on (the Sandbox). */
export interface AdminTarget {
  readonly settings: SandboxSettings;
  readonly requestLog: RequestLog;
  status(): Record<string, unknown>;
  clockReport(): { now: string; offsetSeconds: number };
  advanceClock(seconds: number): void;
  reset(): void;
  shutdown(): void;
}

/** One advance of the clock: at most 10 years either way; the offset stays within 100 years. */
export const MAX_CLOCK_ADVANCE_SECONDS = 10 * 366 * 24 * 3600;
export const MAX_CLOCK_OFFSET_SECONDS = 100 * 366 * 24 * 3600;
/** Longest long poll of the request log. */
const MAX_LOG_WAIT_MS = 30_000;

type Check = (value: unknown, settings: SandboxSettings) => string | undefined;

/** Validation as data: each accepted key of a POST body and why a value is refused. */
const CONFIG_KEYS: Record<string, Check> = {
  throttle: (v) => (v === "off" || v === "aws" ? undefined : 'throttle takes "off" or "aws"'),
  failRate: (v) =>
    typeof v === "number" && v >= 0 && v <= 1 ? undefined : "failRate takes a number from 0 to 1",
  failMode: (v) => (isFailMode(v) ? undefined : 'failMode takes "before", "after" or "both"'),
  auth: (v, s) =>
    typeof v !== "boolean"
      ? "auth takes true or false"
      : !v && !isLoopbackHost(s.host)
        ? `auth stays on while the sandbox listens on ${s.host}, which other machines can reach`
        : undefined,
};
const CLOCK_KEYS: Record<string, Check> = {
  advanceSeconds: (v) =>
    typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= MAX_CLOCK_ADVANCE_SECONDS
      ? undefined
      : `advanceSeconds takes a number of seconds from -${MAX_CLOCK_ADVANCE_SECONDS} to ${MAX_CLOCK_ADVANCE_SECONDS}`,
};

const json = (status: number, value: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: { "content-type": "application/json", "x-amzn-requestid": randomUUID(), ...headers },
  body: JSON.stringify(value),
});
const problem = (status: number, message: string, headers?: Record<string, string>) =>
  json(status, { message }, headers);

export class AdminApi {
  /** Admin bodies are small JSON documents. */
  readonly maxBodyBytes = 64 * 1024;
  private readonly token: Buffer;

  constructor(
    private readonly target: AdminTarget,
    token: string,
  ) {
    this.token = Buffer.from(token);
  }

  /** The answer to a request refused from its head (before its body is read), else undefined. */
  refuse(method: string, path: string, headers: Headers): RawResponse | undefined {
    if (headers.origin !== undefined)
      return problem(403, "The sandbox admin API does not answer web pages (requests with an Origin header)");
    if (method === "GET" && path === "/_iotdm/health") return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(headerString(headers.authorization) ?? "");
    if (!m)
      return problem(401, "The sandbox admin API needs the instance's admin token (Authorization: Bearer)", {
        "www-authenticate": 'Bearer realm="iotdm-sandbox"',
      });
    const sent = Buffer.from(m[1]);
    if (sent.length !== this.token.length || !timingSafeEqual(sent, this.token))
      return problem(403, "The admin token is not this instance's");
    if (method === "POST" && mediaType(headers["content-type"]) !== "application/json")
      return problem(415, "Admin requests take a JSON body (Content-Type: application/json)");
    return undefined;
  }

  tooLarge(): RawResponse {
    return problem(413, `Admin requests take at most ${this.maxBodyBytes} bytes`);
  }

  async handle(method: string, path: string, query: URLSearchParams, body: Buffer): Promise<RawResponse> {
    const route = `${method} ${path}`;
    if (route === "GET /_iotdm/health") return json(200, this.target.status());
    if (route === "GET /_iotdm/logs") return this.logs(query);
    const name = path.slice("/_iotdm/".length);
    if (method !== "POST" || !Object.hasOwn(POSTS, name))
      return problem(404, `Unknown admin endpoint ${route}`);
    const payload = parseObject(body);
    if (typeof payload === "string") return problem(400, payload);
    return POSTS[name](this.target, payload);
  }

  private async logs(query: URLSearchParams): Promise<RawResponse> {
    const numberParam = (name: string, fallback: number, max: number) => {
      const raw = query.get(name);
      const n = raw === null ? fallback : Number(raw);
      return Number.isSafeInteger(n) && n >= 0 && n <= max ? n : undefined;
    };
    const log = this.target.requestLog;
    const since = numberParam("since", 0, Number.MAX_SAFE_INTEGER);
    const limit = numberParam("limit", log.capacity, log.capacity);
    const wait = numberParam("wait", 0, MAX_LOG_WAIT_MS);
    if (since === undefined || limit === undefined || wait === undefined)
      return problem(
        400,
        `since, limit (<= ${log.capacity}) and wait (ms, <= ${MAX_LOG_WAIT_MS}) take whole numbers`,
      );
    await log.waitAfter(since, wait);
    return json(200, log.since(since, limit));
  }
}

type PostHandler = (target: AdminTarget, payload: Record<string, unknown>) => RawResponse;

const POSTS: Record<string, PostHandler> = {
  clock: (target, payload) => {
    const refused = refusal(payload, CLOCK_KEYS, target.settings);
    if (refused) return refused;
    const seconds = (payload.advanceSeconds as number | undefined) ?? 0;
    if (Math.abs(target.clockReport().offsetSeconds + seconds) > MAX_CLOCK_OFFSET_SECONDS)
      return problem(400, `The sandbox clock stays within ${MAX_CLOCK_OFFSET_SECONDS} seconds of real time`);
    if (seconds !== 0) target.advanceClock(seconds);
    return json(200, target.clockReport());
  },
  config: (target, payload) => {
    const refused = refusal(payload, CONFIG_KEYS, target.settings);
    if (refused) return refused;
    Object.assign(target.settings, payload);
    return json(200, target.status());
  },
  reset: (target) => {
    target.reset();
    return json(200, { reset: true });
  },
  shutdown: (target) => {
    setImmediate(() => target.shutdown());
    return json(200, { stopping: true });
  },
};

/** 400 naming every refused key of the payload, else undefined: nothing is applied unless all are valid. */
function refusal(
  payload: Record<string, unknown>,
  keys: Record<string, Check>,
  settings: SandboxSettings,
): RawResponse | undefined {
  const problems = Object.entries(payload).map(([k, v]) =>
    Object.hasOwn(keys, k) ? keys[k](v, settings) : `unknown setting ${JSON.stringify(k)}`,
  );
  const found = problems.filter((p): p is string => p !== undefined);
  return found.length > 0 ? problem(400, found.join("; ")) : undefined;
}

function parseObject(body: Buffer): Record<string, unknown> | string {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return "Admin requests take a JSON object";
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : "Admin requests take a JSON object";
}

function mediaType(value: string | string[] | undefined): string {
  return (headerString(value) ?? "").split(";")[0].trim().toLowerCase();
}
