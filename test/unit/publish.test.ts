/**
 * iot-data Publish validation (MQTT-1), ahead of its registration: topic rules, reserved
 * topics, the 128 KB payload limit and the MQTT 5 properties as the SDK sends them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublishRequest } from "@aws-sdk/client-iot-data-plane";
import { ServiceError } from "../../src/sandbox/errors.js";
import {
  checkTopicName,
  definePublish,
  MAX_PUBLISH_PAYLOAD_BYTES,
  type PublishedMessage,
  toPublishedMessage,
} from "../../src/sandbox/services/iot-data/publish.js";
import type { OperationContext } from "../../src/sandbox/services/types.js";

const rejected = (fn: () => unknown, code: string, status: number, message?: RegExp) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ServiceError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    if (message) assert.match(e.message, message);
    return true;
  });

test("MQTT-1: ordinary topics up to 7 slashes and 256 bytes are accepted", () => {
  for (const t of ["a", "a/b", "sensors/room-1/temp", "1/2/3/4/5/6/7/8", "/leading", "é".repeat(128)])
    checkTopicName(t);
  rejected(() => checkTopicName("1/2/3/4/5/6/7/8/9"), "InvalidRequestException", 400, /at most 7/);
  rejected(() => checkTopicName("x".repeat(257)), "InvalidRequestException", 400, /256 bytes/);
  rejected(() => checkTopicName(""), "InvalidRequestException", 400);
  for (const t of ["a/+/b", "a/#", "a\u0000b"])
    rejected(() => checkTopicName(t), "InvalidRequestException", 400);
});

test("MQTT-1: only the request topics of reserved services may be published to", () => {
  for (const t of [
    "$aws/things/t1/shadow/update",
    "$aws/things/t1/shadow/get",
    "$aws/things/t1/shadow/delete",
    "$aws/things/t1/shadow/name/$package/update",
    "$aws/things/t1/jobs/get",
    "$aws/things/t1/jobs/start-next",
    "$aws/things/t1/jobs/job-1/get",
    "$aws/things/t1/jobs/job-1/update",
    "$aws/rules/myRule/a/b/c/d/e/f/g",
    "$aws/commands/things/t1/executions/e1/response/json",
    "$aws/commands/clients/c1/executions/e1/response/json",
    "$aws/things/t1/jobs/job-1/cancel",
  ])
    checkTopicName(t);
  for (const t of [
    "$aws/things/t1/shadow/update/accepted",
    "$aws/things/t1/shadow/update/delta",
    "$aws/things/t1/jobs/notify",
    "$aws/things/t1/jobs/notify-next",
    "$aws/things/t1/jobs/get/accepted",
    "$aws/things/t1/jobs/job-1/update/rejected",
    "$aws/events/presence/connected/c1",
    "$aws/sitewise/asset-models/m/assets/a/properties/p",
    "$custom/topic",
  ])
    rejected(() => checkTopicName(t), "InvalidRequestException", 400, /reserved topic/);
  // Basic Ingest's prefix does not count toward the 7 slashes, the rest does.
  rejected(() => checkTopicName("$aws/rules/r/1/2/3/4/5/6/7/8/9"), "InvalidRequestException", 400);
});

test("MQTT-1: payload above 128 KB is 413 RequestEntityTooLargeException", () => {
  const at = new Uint8Array(MAX_PUBLISH_PAYLOAD_BYTES);
  assert.equal(toPublishedMessage({ topic: "t", payload: at }).payload.length, MAX_PUBLISH_PAYLOAD_BYTES);
  rejected(
    () => toPublishedMessage({ topic: "t", payload: new Uint8Array(MAX_PUBLISH_PAYLOAD_BYTES + 1) }),
    "RequestEntityTooLargeException",
    413,
  );
});

test("Publish: defaults qos 0 / retain false and decodes the MQTT 5 headers as the SDK sends them", () => {
  assert.deepEqual(toPublishedMessage({ topic: "a/b" }), {
    topic: "a/b",
    payload: Buffer.alloc(0),
    qos: 0,
    retain: false,
  });
  const userProperties = Buffer.from(JSON.stringify([{ k: "v" }, { k2: "v2" }])).toString("base64");
  const full: PublishRequest = {
    topic: "a/b",
    qos: 1,
    retain: true,
    payload: new TextEncoder().encode("hi"),
    userProperties,
    payloadFormatIndicator: "UTF8_DATA",
    contentType: "text/plain",
    responseTopic: "r/t",
    correlationData: "YWJj",
    messageExpiry: 10,
  };
  assert.deepEqual(toPublishedMessage(full), {
    topic: "a/b",
    payload: Buffer.from("hi"),
    qos: 1,
    retain: true,
    userProperties: [
      ["k", "v"],
      ["k2", "v2"],
    ],
    payloadFormatIndicator: "UTF8_DATA",
    contentType: "text/plain",
    responseTopic: "r/t",
    correlationData: "YWJj",
    messageExpirySeconds: 10,
  });
  rejected(
    () => toPublishedMessage({ topic: "a", userProperties: "bm90IGpzb24=" }),
    "InvalidRequestException",
    400,
  );
  rejected(() => toPublishedMessage({ topic: "a", responseTopic: "r/#" }), "InvalidRequestException", 400);
});

test("Publish: the operation validates qos / payloadFormatIndicator as data and delivers the message", () => {
  const delivered: PublishedMessage[] = [];
  const op = definePublish((_ctx, m) => delivered.push(m));
  assert.equal(op.name, "Publish");
  assert.deepEqual(op.constraints?.qos, { min: 0, max: 1, minMaxOf: "value" });
  assert.deepEqual(op.constraints?.payloadFormatIndicator, { enum: ["UNSPECIFIED_BYTES", "UTF8_DATA"] });
  const ctx = {} as OperationContext;
  assert.deepEqual(op.handler({ topic: "x/y", qos: 1 }, ctx), {});
  assert.equal(delivered.length, 1);
  assert.equal(delivered[0].topic, "x/y");
  assert.throws(() => op.handler({ topic: "$aws/things/t/shadow/update/accepted" }, ctx));
  assert.equal(delivered.length, 1);
});
