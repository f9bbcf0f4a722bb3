/**
 * AWS IoT's message broker limits on the sandbox broker (MQTT-1;
 * https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits). They hold
 * in `--no-auth` mode too, which these tests use: a PUBLISH beyond them closes the connection
 * (MQTT 3.1.1 has no failure code for it), a filter beyond them gets SUBACK 0x80.
 */
import assert from "node:assert/strict";
import { connect as connectTcp, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { DescribeEndpointCommand, IoTClient } from "@aws-sdk/client-iot";
import { connectMqtt, subscribeTo } from "../helpers/mqtt.js";
import { closed, publishCloses, subackCodes } from "../helpers/mqtt-refusals.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let url: string;
let seq = 0;
before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
  url = (await sb.mqtt()).url;
});
after(() => sb.dispose());

const connect = () => connectMqtt(url, { clientId: `limits-${++seq}` });

async function closesOnPublish(topic: string, payload: Buffer | string = "x"): Promise<void> {
  const client = await connect();
  await publishCloses(client, topic, payload);
  client.end(true);
}

test("MQTT-1: a payload of 128 KB is delivered; one byte more closes the connection", async () => {
  const client = await connect();
  const inbox = await subscribeTo(client, "big/ok");
  client.publish("big/ok", Buffer.alloc(128 * 1024, 0x61));
  assert.equal((await inbox.next).payload.length, 128 * 1024);
  await client.endAsync();
  await closesOnPublish("big/too", Buffer.alloc(128 * 1024 + 1));
});

test("MQTT-1: a topic with more than 7 slashes, or longer than 256 bytes, closes the connection", async () => {
  const client = await connect();
  const inbox = await subscribeTo(client, "1/2/3/4/5/6/7/8");
  client.publish("1/2/3/4/5/6/7/8", "seven slashes");
  assert.equal((await inbox.next).payload, "seven slashes");
  await client.endAsync();
  await closesOnPublish("1/2/3/4/5/6/7/8/9");
  await closesOnPublish("t".repeat(257));
});

test("MQTT-1: publishing to a reserved topic a client may not publish to closes the connection", async () => {
  await closesOnPublish("$aws/things/car/shadow/update/accepted");
  await closesOnPublish("$aws/events/presence/connected/someone");
});

test("subscribe limits: a filter with more than 7 slashes gets 0x80; the 51st subscription of a connection gets 0x80", async () => {
  const client = await connect();
  assert.deepEqual(await subackCodes(client, ["a/b", "1/2/3/4/5/6/7/8/9"]), [0, 128]);
  for (let i = 1; i < 50; i += 7) {
    const filters = Array.from({ length: Math.min(7, 50 - i) }, (_, k) => `many/${i + k}`);
    assert.ok((await subackCodes(client, filters)).every((c) => c === 0));
  }
  assert.deepEqual(await subackCodes(client, ["many/50", "a/b"]), [128, 0], "a/b is already one of the 50");
  await client.unsubscribeAsync("many/1");
  assert.deepEqual(await subackCodes(client, ["many/50"]), [0], "unsubscribing frees a place");
  assert.equal(client.connected, true);
  await client.endAsync();
});

test("subscribe limits: more than 8 filters in one SUBSCRIBE closes the connection", async () => {
  const client = await connect();
  assert.deepEqual(
    await subackCodes(
      client,
      Array.from({ length: 8 }, (_, i) => `eight/${i}`),
    ),
    Array(8).fill(0),
  );
  const gone = closed(client);
  client.subscribe(Array.from({ length: 9 }, (_, i) => `nine/${i}`));
  await gone;
  client.end(true);
});

test("client ids: 128 bytes connect; 129 are refused without CONNACK", async () => {
  const ok = await connectMqtt(url, { clientId: "c".repeat(128) });
  await ok.endAsync();
  await assert.rejects(connectMqtt(url, { clientId: "c".repeat(129) }));
});

test("PROTO-20: in --no-auth mode, plain mqtt:// to the DescribeEndpoint address reaches the broker", async () => {
  const iot = new IoTClient(sb.config);
  const { endpointAddress } = await iot.send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }));
  const client = await connectMqtt(`mqtt://${endpointAddress}`, { clientId: "via-http-port" });
  const inbox = await subscribeTo(client, "shared/port");
  client.publish("shared/port", "one port");
  assert.equal((await inbox.next).payload, "one port");
  await client.endAsync();
  iot.destroy();
});

/** A 3.1.1 CONNECT asking `keepAlive` seconds, written by hand: this client never pings by itself. */
function rawConnect(clientId: string, keepAlive: number): Buffer {
  const id = Buffer.from(clientId, "utf8");
  const body = Buffer.concat([
    Buffer.from([0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, keepAlive >> 8, keepAlive & 0xff]),
    Buffer.from([id.length >> 8, id.length & 0xff]),
    id,
  ]);
  return Buffer.concat([Buffer.from([0x10, body.length]), body]);
}

/** Resolves with the next bytes the socket receives, or rejects if it is (or gets) closed first. */
const nextBytes = (socket: Socket) =>
  new Promise<Buffer>((resolve, reject) => {
    const closed = () => reject(new Error("the broker closed the connection"));
    if (socket.destroyed || socket.readableEnded) return closed();
    socket.once("data", resolve);
    socket.once("close", closed);
    socket.once("end", closed);
  });

test("keep-alive: a client asking 1 second is held to AWS's 30-second floor (silent for 2.5 s, still connected)", async () => {
  const { port, hostname } = new URL(url);
  const socket = connectTcp(Number(port), hostname);
  try {
    await new Promise((resolve) => socket.once("connect", resolve));
    const connack = nextBytes(socket);
    socket.write(rawConnect(`silent-${++seq}`, 1));
    assert.deepEqual([...(await connack)], [0x20, 0x02, 0x00, 0x00]);
    // With 1 second, a broker drops a silent client after 1.5 s (MQTT-3.1.2-24).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const pong = nextBytes(socket);
    socket.write(Buffer.from([0xc0, 0x00]));
    assert.deepEqual([...(await pong)], [0xd0, 0x00]);
  } finally {
    socket.destroy();
  }
});
