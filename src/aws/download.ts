/**
 * Downloads through a presigned URL, as a device does: no credentials, the bytes counted and
 * dropped. node:http(s) with keep-alive agents rather than `fetch`: a fleet of simulated devices
 * downloads thousands of artifacts, and fetch's web streams cost about three times the CPU per
 * request (bench/ota.ts), CPU the sandbox on the same cores needs.
 */
import { Agent as HttpAgent, get as httpGet, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, get as httpsGet } from "node:https";

const DOWNLOAD_TIMEOUT_MS = 30_000;
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 128 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 128 });

export interface Download {
  /** Answered 200 with every declared byte, and at least one. */
  ok: boolean;
  bytes: number;
  /** The HTTP status, when an answer came. */
  status?: number;
}

/** Downloads a URL without keeping it: the bytes that arrived, and whether they are the whole file. */
export function download(url: string, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<Download> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (d: Download) => {
      if (settled) return;
      settled = true;
      resolve(d);
    };
    const answered = (res: IncomingMessage) => {
      let bytes = 0;
      const status = res.statusCode;
      res.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on("end", () => {
        const declared = Number(res.headers["content-length"] ?? NaN);
        const complete = res.complete && (Number.isNaN(declared) || declared === bytes);
        settle({ ok: status === 200 && bytes > 0 && complete, bytes, status });
      });
      // A body cut off (the connection closed before every declared byte): not a download.
      res.on("aborted", () => settle({ ok: false, bytes, status }));
      res.on("error", () => settle({ ok: false, bytes, status }));
    };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return settle({ ok: false, bytes: 0 });
    }
    const secure = parsed.protocol === "https:";
    if (!secure && parsed.protocol !== "http:") return settle({ ok: false, bytes: 0 });
    const req = (secure ? httpsGet : httpGet)(
      parsed,
      { agent: secure ? httpsAgent : httpAgent, timeout: timeoutMs },
      answered,
    );
    req.on("timeout", () => req.destroy(new Error("download timed out")));
    req.on("error", () => settle({ ok: false, bytes: 0 }));
  });
}
