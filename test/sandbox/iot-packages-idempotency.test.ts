/**
 * PKG-1/PKG-2 `clientToken`: the model marks it an idempotency token, which the SDK fills in and
 * resends on retries. A call repeating the token and request of the one that created a package
 * or version answers as it did (what a retry after a lost reply needs); another request under
 * the same token, or no token, still meets 409 ConflictException.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  IoTClient,
  ListPackageVersionsCommand,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

const conflict = { name: "ConflictException" };

test("PKG-1: CreatePackage repeated with its clientToken and request answers as the first call; otherwise 409", async () => {
  const clientToken = randomUUID();
  const input = { packageName: "idem-pkg", description: "first", clientToken, tags: { a: "1" } };
  const first = await iot.send(new CreatePackageCommand(input));
  const again = await iot.send(new CreatePackageCommand({ ...input }));
  assert.deepEqual(
    { name: again.packageName, arn: again.packageArn, description: again.description },
    { name: first.packageName, arn: first.packageArn, description: "first" },
  );
  await assert.rejects(iot.send(new CreatePackageCommand({ ...input, description: "other" })), conflict);
  await assert.rejects(
    iot.send(new CreatePackageCommand({ ...input, clientToken: randomUUID() })),
    conflict,
    "another token is another call",
  );
});

test("PKG-2: CreatePackageVersion repeated with its clientToken and request creates nothing more; otherwise 409", async () => {
  await iot.send(new CreatePackageCommand({ packageName: "idem-versions" }));
  const input = {
    packageName: "idem-versions",
    versionName: "1.0.0",
    attributes: { signingKey: "k" },
    clientToken: randomUUID(),
  };
  const first = await iot.send(new CreatePackageVersionCommand(input));
  const again = await iot.send(new CreatePackageVersionCommand({ ...input }));
  assert.equal(again.packageVersionArn, first.packageVersionArn);
  assert.equal(again.status, "DRAFT");
  assert.deepEqual(again.attributes, { signingKey: "k" });
  await assert.rejects(
    iot.send(new CreatePackageVersionCommand({ ...input, attributes: { signingKey: "other" } })),
    conflict,
  );
  const { clientToken: _token, ...withoutToken } = input;
  // The SDK fills in a fresh token when none is given: a new call, hence a conflict.
  await assert.rejects(iot.send(new CreatePackageVersionCommand(withoutToken)), conflict);
  const versions = await iot.send(new ListPackageVersionsCommand({ packageName: "idem-versions" }));
  assert.deepEqual(
    versions.packageVersionSummaries?.map((v) => v.versionName),
    ["1.0.0"],
  );
});
