/**
 * Named shadows (SHD-1, SHD-9), the reserved `$package` shadow (PKG-SHD-1/2), persistence
 * across a kill -9, and the AWS CLI / boto3 against the same sandbox.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  DeleteThingShadowCommand,
  GetThingShadowCommand,
  IoTDataPlaneClient,
  ListNamedShadowsForThingCommand,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  data = new IoTDataPlaneClient(sb.config);
});
after(() => sb.dispose());

type Json = Record<string, unknown>;
const body = (doc: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(doc));
const parse = (payload: Uint8Array | undefined): Json =>
  JSON.parse(new TextDecoder().decode(payload)) as Json;

async function update(thingName: string, doc: unknown, shadowName?: string): Promise<Json> {
  const out = await data.send(new UpdateThingShadowCommand({ thingName, shadowName, payload: body(doc) }));
  return parse(out.payload);
}
async function get(thingName: string, shadowName?: string): Promise<Json> {
  return parse((await data.send(new GetThingShadowCommand({ thingName, shadowName }))).payload);
}
const list = (thingName: string, pageSize?: number, nextToken?: string) =>
  data.send(new ListNamedShadowsForThingCommand({ thingName, pageSize, nextToken }));

interface AwsError extends Error {
  $metadata?: { httpStatusCode?: number };
}
async function rejects(p: Promise<unknown>, name: string, status: number, message?: string) {
  await assert.rejects(p, (e: AwsError) => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  });
}

test("SHD-9: named shadows in name order, paginated, classic never listed, $package listed", async () => {
  const t = "list-a";
  await update(t, { state: { reported: { classic: true } } });
  for (const name of ["zeta", "alpha", "$package", "Mid", "beta:2", "beta_1"])
    await update(t, { state: { reported: {} } }, name);
  // Things whose names extend this one must not leak into its listing.
  await update("list-a-b", { state: { reported: {} } }, "other");
  await update("list-ab", { state: { reported: {} } }, "other");

  const all = await list(t);
  assert.deepEqual(all.results, ["$package", "Mid", "alpha", "beta:2", "beta_1", "zeta"]);
  assert.equal(all.nextToken, undefined);
  assert.ok(Number.isInteger(all.timestamp));

  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await list(t, 4, token);
    assert.ok((page.results ?? []).length <= 4);
    seen.push(...(page.results ?? []));
    token = page.nextToken;
    pages++;
  } while (token);
  assert.equal(pages, 2);
  assert.deepEqual(seen, all.results);

  // An exact multiple of the page size leaves no dangling token.
  const exact = await list(t, 6);
  assert.equal(exact.results?.length, 6);
  assert.equal(exact.nextToken, undefined);
});

test("SHD-9: a thing without named shadows (or not registered at all) lists []", async () => {
  assert.deepEqual((await list("never-seen")).results, []);
  await update("only-classic", { state: { desired: { x: 1 } } });
  const out = await list("only-classic");
  assert.deepEqual(out.results, []);
  assert.equal(out.nextToken, undefined);
});

test("SHD-9: a deleted named shadow leaves the listing", async () => {
  const t = "list-del";
  await update(t, { state: { reported: {} } }, "one");
  await update(t, { state: { reported: {} } }, "two");
  await data.send(new DeleteThingShadowCommand({ thingName: t, shadowName: "one" }));
  assert.deepEqual((await list(t)).results, ["two"]);
});

test("SHD-9/VAL-1: pageSize outside 1..100 and a garbled nextToken are 400", async () => {
  for (const size of [0, 101]) await rejects(list("list-a", size), "InvalidRequestException", 400);
  await rejects(list("list-a", 10, "not-a-token"), "InvalidRequestException", 400);
  await rejects(list("bad name!"), "InvalidRequestException", 400);
  assert.equal((await list("list-a", 100)).results?.length, 6);
  assert.equal((await list("list-a", 1)).results?.length, 1);
});

test("PKG-SHD-1/2: $package keeps no metadata, starts at version 1 and reads back its entries", async () => {
  const t = "pkg-thing";
  const res = await update(
    t,
    { state: { reported: { SensorType: { version: "1.0.0", attributes: {} } } } },
    "$package",
  );
  assert.deepEqual(res.state, { reported: { SensorType: { version: "1.0.0", attributes: {} } } });
  assert.equal(res.metadata, undefined);
  assert.equal(res.version, 1);
  await update(
    t,
    { state: { reported: { Other: { version: "2.0.0", attributes: { k: "v" } } } } },
    "$package",
  );
  const doc = await get(t, "$package");
  assert.equal(doc.metadata, undefined);
  assert.equal(doc.version, 2);
  assert.deepEqual(doc.state, {
    reported: {
      SensorType: { version: "1.0.0", attributes: {} },
      Other: { version: "2.0.0", attributes: { k: "v" } },
    },
  });
  // A package entry set to null is removed.
  await update(t, { state: { reported: { Other: null } } }, "$package");
  assert.deepEqual(Object.keys(((await get(t, "$package")).state as Json).reported as Json), ["SensorType"]);
});

test("PKG-SHD-1: only version and attributes are allowed inside a $package entry", async () => {
  const t = "pkg-bad";
  await assert.rejects(
    update(t, { state: { reported: { P: { version: "1", description: "no" } } } }, "$package"),
    (e: AwsError) => {
      assert.equal(e.name, "InvalidRequestException");
      assert.equal(e.$metadata?.httpStatusCode, 400);
      assert.match(e.message, /description/);
      return true;
    },
  );
  await rejects(update(t, { state: { reported: { P: "1.0" } } }, "$package"), "InvalidRequestException", 400);
  await rejects(
    get(t, "$package"),
    "ResourceNotFoundException",
    404,
    "No shadow exists with name: '$package'",
  );
  // The same document is fine in an ordinary named shadow, with metadata.
  const ok = await update(t, { state: { reported: { P: { version: "1", description: "ok" } } } }, "pkgs");
  assert.ok(ok.metadata);
});

test("persistence: shadows, versions and delete tombstones survive kill -9", async () => {
  const t = "persist";
  await update(t, { state: { desired: { a: 1 }, reported: { a: 0 } } });
  await update(t, { state: { reported: { a: 1 } } }, "n1");
  await update(t, { state: { reported: { a: 2 } } }, "n1");
  await update(t, { state: { reported: { a: 1 } } }, "n2");
  await data.send(new DeleteThingShadowCommand({ thingName: t, shadowName: "n2" }));
  const before = await get(t);
  await sb.restart({ kill: true });
  const afterRestart = await get(t);
  assert.deepEqual({ ...afterRestart, timestamp: 0 }, { ...before, timestamp: 0 });
  assert.equal((await get(t, "n1")).version, 2);
  assert.deepEqual((await list(t)).results, ["n1"]);
  assert.equal((await update(t, { state: { reported: { a: 5 } } }, "n2")).version, 2);
});

function sh(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, {
    env: { ...process.env, ...sb.env, AWS_PAGER: "", AWS_CONFIG_FILE: "/dev/null" },
    encoding: "utf8",
    input,
  });
}

/** CLI v2 reads blob arguments as base64 unless told otherwise; v1 always takes them raw. */
function rawBlobArgs(): string[] {
  const version = sh("aws", ["--version"]);
  return /^aws-cli\/1\./.test(version) ? [] : ["--cli-binary-format", "raw-in-base64-out"];
}

test("AWS CLI: iot-data update-thing-shadow / get-thing-shadow write the document to a file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iotdm-cli-"));
  try {
    const out = join(dir, "out.json");
    const common = ["--endpoint-url", sb.endpoint, "--region", sb.region];
    sh("aws", [
      "iot-data",
      "update-thing-shadow",
      "--thing-name",
      "cli-thing",
      "--shadow-name",
      "cfg",
      ...rawBlobArgs(),
      "--payload",
      JSON.stringify({ state: { reported: { temp: 21 } } }),
      ...common,
      out,
    ]);
    const accepted = JSON.parse(readFileSync(out, "utf8")) as Json;
    assert.deepEqual(accepted.state, { reported: { temp: 21 } });
    assert.equal(accepted.version, 1);
    sh("aws", [
      "iot-data",
      "get-thing-shadow",
      "--thing-name",
      "cli-thing",
      "--shadow-name",
      "cfg",
      ...common,
      out,
    ]);
    assert.deepEqual((JSON.parse(readFileSync(out, "utf8")) as Json).state, { reported: { temp: 21 } });
    const listed = JSON.parse(
      sh("aws", ["iot-data", "list-named-shadows-for-thing", "--thing-name", "cli-thing", ...common]),
    ) as Json;
    assert.deepEqual(listed.results, ["cfg"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("boto3: iot-data update/get/list/delete and ResourceNotFoundException code", async () => {
  const script = `
import json, sys, boto3
from botocore.exceptions import ClientError
c = boto3.client("iot-data", endpoint_url=sys.argv[1], region_name=sys.argv[2])
r = c.update_thing_shadow(thingName="py-thing", shadowName="$package",
    payload=json.dumps({"state": {"reported": {"T": {"version": "1.0.0", "attributes": {}}}}}))
acc = json.loads(r["payload"].read())
doc = json.loads(c.get_thing_shadow(thingName="py-thing", shadowName="$package")["payload"].read())
names = c.list_named_shadows_for_thing(thingName="py-thing")["results"]
deleted = json.loads(c.delete_thing_shadow(thingName="py-thing", shadowName="$package")["payload"].read())
try:
    c.get_thing_shadow(thingName="py-thing", shadowName="$package")
    code = None
except ClientError as e:
    code = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Message"]]
print(json.dumps({"acc": acc, "doc": doc, "names": names, "deleted": deleted, "code": code}))
`;
  const out = JSON.parse(sh("python3", ["-c", script, sb.endpoint, sb.region])) as Json;
  assert.equal((out.acc as Json).version, 1);
  assert.deepEqual(((out.doc as Json).state as Json).reported, { T: { version: "1.0.0", attributes: {} } });
  assert.deepEqual(out.names, ["$package"]);
  assert.equal((out.deleted as Json).version, 1);
  assert.deepEqual(out.code, ["ResourceNotFoundException", 404, "No shadow exists with name: '$package'"]);
});
