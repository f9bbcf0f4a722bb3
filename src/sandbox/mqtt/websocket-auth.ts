/**
 * SigV4 query-string authentication of MQTT over WebSocket, as AWS IoT's wss URLs carry it
 * (https://docs.aws.amazon.com/iot/latest/developerguide/protocols.html, "Signature Version 4
 * for WebSockets"): `GET /mqtt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<key>/<date>/<region>/iotdevicegateway/aws4_request&X-Amz-Date=…[&X-Amz-Expires=…]&X-Amz-SignedHeaders=host&X-Amz-Signature=…`,
 * signed over the canonical request with the empty payload's hash; `X-Amz-Security-Token` is
 * appended after signing, so it is not part of the canonical query. The signing date must be
 * within 15 minutes of the sandbox clock (and within X-Amz-Expires when given).
 */
import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ALGORITHM, canonicalQueryString, sameHex, signingKey, TERMINATOR } from "../protocol/sigv4.js";
import { MAX_CLOCK_SKEW_MS, parseAmzDate } from "../protocol/sigv4-errors.js";

export const WEBSOCKET_SIGNING_NAME = "iotdevicegateway";
const EMPTY_PAYLOAD_HASH = createHash("sha256").update("").digest("hex");
/** Left out of the canonical query: the signature itself, and the token appended after signing. */
const UNSIGNED = new Set(["X-Amz-Signature", "X-Amz-Security-Token"]);

/** The access key id a valid signature was made with; undefined when the URL does not prove one. */
export function verifyWebSocketSignature(
  req: IncomingMessage,
  secretFor: (accessKeyId: string) => string | undefined,
  now: Date,
): string | undefined {
  const url = req.url ?? "";
  const q = url.indexOf("?");
  if (q < 0) return undefined;
  const rawPath = url.slice(0, q);
  const pairs = url
    .slice(q + 1)
    .split("&")
    .filter((p) => p !== "")
    .map((p): [string, string] => {
      const eq = p.indexOf("=");
      return eq < 0 ? [p, ""] : [p.slice(0, eq), p.slice(eq + 1)];
    });
  const get = (name: string) => {
    const pair = pairs.find(([k]) => decode(k) === name);
    return pair ? decode(pair[1]) : undefined;
  };
  const [accessKeyId, date, region, service, terminator] = (get("X-Amz-Credential") ?? "").split("/");
  const amzDate = get("X-Amz-Date") ?? "";
  const signature = (get("X-Amz-Signature") ?? "").toLowerCase();
  const signedHeaders = get("X-Amz-SignedHeaders") ?? "";
  const secret = accessKeyId ? secretFor(accessKeyId) : undefined;
  const signedAt = parseAmzDate(amzDate);
  if (
    get("X-Amz-Algorithm") !== ALGORITHM ||
    secret === undefined ||
    service !== WEBSOCKET_SIGNING_NAME ||
    terminator !== TERMINATOR ||
    !region ||
    date !== amzDate.slice(0, 8) ||
    signedAt === undefined ||
    !withinValidity(signedAt, get("X-Amz-Expires"), now)
  )
    return undefined;
  const headers = signedHeaders
    .split(";")
    .map((h) => `${h}:${String(req.headers[h.toLowerCase()] ?? "").trim()}\n`)
    .join("");
  const canonicalQuery = canonicalQueryString(
    pairs.filter(([k]) => !UNSIGNED.has(decode(k))),
    false,
  );
  const key = signingKey(secret, { accessKeyId, date, region, service });
  const scope = `${date}/${region}/${service}/${TERMINATOR}`;
  const matches = [EMPTY_PAYLOAD_HASH, "UNSIGNED-PAYLOAD"].some((payloadHash) => {
    const canonical = `GET\n${rawPath}\n${canonicalQuery}\n${headers}\n${signedHeaders}\n${payloadHash}`;
    const digest = createHash("sha256").update(canonical, "utf8").digest("hex");
    const expected = createHmac("sha256", key)
      .update([ALGORITHM, amzDate, scope, digest].join("\n"), "utf8")
      .digest("hex");
    return sameHex(expected, signature);
  });
  return matches ? accessKeyId : undefined;
}

/** A malformed escape decodes to nothing (the URL then proves nothing). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}

function withinValidity(signedAt: Date, expires: string | undefined, now: Date): boolean {
  const skew = signedAt.getTime() - now.getTime();
  if (expires === undefined) return Math.abs(skew) <= MAX_CLOCK_SKEW_MS;
  const seconds = Number(expires);
  return Number.isInteger(seconds) && seconds > 0 && skew <= MAX_CLOCK_SKEW_MS && -skew <= seconds * 1000;
}
