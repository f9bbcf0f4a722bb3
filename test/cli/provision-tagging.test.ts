/**
 * Tag failures never undo a resource (features.md 2.6, Q-07): whatever error a tagging call
 * answers, the resource is recorded as untagged, warned about and listed in the summary.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { AwsSession } from "../../src/aws/session.js";
import { type MessageKey, initI18n, t } from "../../src/io/i18n.js";
import type { WorkshopIo } from "../../src/workshop/io.js";
import { Tagger, reportTagFailures } from "../../src/workshop/provision/tagging.js";

function awsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

function recordingIo(lines: string[]): WorkshopIo {
  return {
    say: (_tone: string, key: MessageKey, vars?: Record<string, string | number | boolean>) =>
      lines.push(t(key, vars)),
    line: (_tone: string, text: string) => lines.push(text),
    learn: async () => undefined,
    progress: () => {
      throw new Error("no progress expected");
    },
    debug: false,
  } as unknown as WorkshopIo;
}

test("tagging failures of any kind are recorded and summarised, never thrown", async () => {
  initI18n("en");
  const sent: string[] = [];
  const client = (fail?: Error) => ({
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      sent.push(command.constructor.name);
      if (fail) throw fail;
      return {};
    },
  });
  const session = {
    clients: {
      iot: client(awsError("AccessDeniedException", "not allowed to tag")),
      s3: client(),
      iam: client(awsError("ServiceFailure", "IAM had a bad day")),
    },
  } as unknown as AwsSession;
  const lines: string[] = [];
  const io = recordingIo(lines);
  const tagger = new Tagger(session, io, new Date("2026-01-31T12:34:56.789Z"));

  assert.equal(
    await tagger.tag("thing-type", "SedanVehicle", "arn:aws:iot:us-east-1:1:thingtype/SedanVehicle"),
    false,
  );
  assert.equal(await tagger.tag("s3-bucket", "iot-firmware-us-east-1-1", "iot-firmware-us-east-1-1"), true);
  assert.equal(await tagger.tag("iam-role", "IoTJobsRole-x", "IoTJobsRole-x"), false);
  assert.equal(
    await tagger.tag("package", "SedanVehicle", "arn:aws:iot:us-east-1:1:package/SedanVehicle"),
    false,
  );
  assert.deepEqual(sent, [
    "TagResourceCommand",
    "PutBucketTaggingCommand",
    "TagRoleCommand",
    "TagResourceCommand",
  ]);
  assert.equal(tagger.applied, 1);
  assert.deepEqual(
    tagger.failures.map((f) => [f.type, f.name, f.error]),
    [
      ["thing-type", "SedanVehicle", "AccessDeniedException: not allowed to tag"],
      ["iam-role", "IoTJobsRole-x", "ServiceFailure: IAM had a bad day"],
      ["package", "SedanVehicle", "AccessDeniedException: not allowed to tag"],
    ],
  );
  assert.match(lines[0], /Could not tag thing-type SedanVehicle: AccessDeniedException/);

  lines.length = 0;
  reportTagFailures(io, tagger.failures);
  assert.deepEqual(lines, [
    "⚠️ Resources without workshop tags",
    "These were created but could not be tagged. Cleanup will recognise them by their names instead.",
    "thing-type: 1",
    "  - SedanVehicle",
    "iam-role: 1",
    "  - IoTJobsRole-x",
    "package: 1",
    "  - SedanVehicle",
    "Resources without tags: 3",
  ]);
});

test("no failures, no summary", () => {
  const lines: string[] = [];
  reportTagFailures(recordingIo(lines), []);
  assert.deepEqual(lines, []);
});
