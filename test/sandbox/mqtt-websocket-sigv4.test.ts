/**
 * MQTT over WebSocket with SigV4 query-string authentication, as AWS IoT's wss URLs
 * (protocols.html, signing name `iotdevicegateway`): a URL signed with the sandbox's credentials
 * connects without a client certificate, as an IAM identity the sandbox allows everything; a bad
 * signature is refused at the WebSocket handshake with 403.
 */
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import WebSocket from "ws";
import { connectMqtt, subscribeTo } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let host: string;
let ca: string;
before(async () => {
  sb = await startSandbox();
  const broker = await sb.mqtt();
  host = `127.0.0.1:${broker.port}`;
  ca = readFileSync(broker.caFile ?? "", "utf8");
});
after(() => sb.dispose());

const hmac = (key: Buffer | string, text: string) => createHmac("sha256", key).update(text, "utf8").digest();
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A wss URL signed as AWS IoT's device SDKs sign it (the IoT developer guide's recipe). */
function signedUrl(secret = sb.config.credentials.secretAccessKey, at = new Date()): string {
  const { accessKeyId } = sb.config.credentials;
  const region = sb.config.region;
  const amzDate = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/iotdevicegateway/aws4_request`;
  const query = [
    "X-Amz-Algorithm=AWS4-HMAC-SHA256",
    `X-Amz-Credential=${encodeURIComponent(`${accessKeyId}/${scope}`)}`,
    `X-Amz-Date=${amzDate}`,
    "X-Amz-Expires=86400",
    "X-Amz-SignedHeaders=host",
  ].join("&");
  const canonical = `GET\n/mqtt\n${query}\nhost:${host}\n\nhost\n${sha256("")}`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`;
  let key = hmac(`AWS4${secret}`, date);
  for (const part of [region, "iotdevicegateway", "aws4_request"]) key = hmac(key, part);
  const signature = hmac(key, toSign).toString("hex");
  return `wss://${host}/mqtt?${query}&X-Amz-Signature=${signature}`;
}

/** The HTTP status the WebSocket handshake gets (101 when it upgrades). */
function handshakeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, "mqtt", { ca });
    ws.once("upgrade", (res) => {
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once("unexpected-response", (_req, res) => {
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once("error", reject);
  });
}

test("a wss URL signed with SigV4 (iotdevicegateway) connects without a client certificate and may publish and subscribe", async () => {
  const url = signedUrl();
  const client = await connectMqtt(url, { ca, clientId: "iam-user", transformWsUrl: () => url });
  try {
    const inbox = await subscribeTo(client, "iam/anything");
    await client.publishAsync("iam/anything", "signed");
    assert.equal((await inbox.next).payload, "signed");
  } finally {
    await client.endAsync();
  }
});

test("a bad signature, an old signing date or no signature is refused at the handshake with 403", async () => {
  assert.equal(await handshakeStatus(signedUrl()), 101);
  assert.equal(await handshakeStatus(signedUrl("not-the-secret")), 403);
  assert.equal(await handshakeStatus(signedUrl(undefined, new Date(Date.now() - 2 * 86_400_000))), 403);
  assert.equal(await handshakeStatus(`wss://${host}/mqtt`), 403);
});
