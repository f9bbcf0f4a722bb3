/**
 * Shared by the cleanup tests: running the CLI in process against the test sandbox, and
 * assertions made with the SDK alone: the workshop fleet is gone, down to shadows,
 * certificates, object versions and account settings, and the decoys are intact.
 */
import assert from "node:assert/strict";
import {
  DescribeCertificateCommand,
  DescribeThingCommand,
  DescribeThingTypeCommand,
  GetIndexingConfigurationCommand,
  GetPackageCommand,
  GetPackageConfigurationCommand,
  GetPolicyCommand,
  GetV2LoggingOptionsCommand,
  ListAttachedPoliciesCommand,
  ListThingGroupsCommand,
  ListThingGroupsForThingCommand,
  ListThingsCommand,
  ListThingTypesCommand,
  ListPackagesCommand,
  ListThingPrincipalsCommand,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, ListNamedShadowsForThingCommand } from "@aws-sdk/client-iot-data-plane";
import { GetRoleCommand, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import { HeadBucketCommand, ListBucketsCommand, ListObjectVersionsCommand } from "@aws-sdk/client-s3";
import { allPages } from "../../src/aws/parallel.js";
import { type Recorded, runRecorded } from "../helpers/recording-host.js";
import type { TestSandbox } from "../helpers/sandbox.js";
import { type Clients, clientsFor, type Decoys, type Fleet } from "./cleanup-fixture.js";
import { target } from "./provision-helpers.js";

/** Runs `iotdm <args>` in process (a recording host) against the test sandbox. */
export function iotdm(sb: TestSandbox, args: string[]): Promise<Recorded> {
  return runRecorded([...args, ...target(sb)]);
}

async function rejectsWith(p: Promise<unknown>, name: RegExp, what: string): Promise<void> {
  await assert.rejects(p, (e: Error) => name.test(e.name), what);
}

export async function thingNames(c: Clients): Promise<string[]> {
  const things = await allPages(
    (nextToken) => c.iot.send(new ListThingsCommand({ nextToken, maxResults: 250 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  return things.map((t) => t.thingName ?? "");
}

export async function groupNames(c: Clients): Promise<string[]> {
  const r = await c.iot.send(new ListThingGroupsCommand({ maxResults: 250 }));
  return (r.thingGroups ?? []).map((g) => g.groupName ?? "");
}

export async function typeNames(c: Clients): Promise<string[]> {
  const r = await c.iot.send(new ListThingTypesCommand({ maxResults: 250 }));
  return (r.thingTypes ?? []).map((g) => g.thingTypeName ?? "");
}

export async function shadowsOf(
  c: Clients,
  thingName: string,
): Promise<{ classic: boolean; named: string[] }> {
  const named = await c.data.send(new ListNamedShadowsForThingCommand({ thingName }));
  const classic = await c.data.send(new GetThingShadowCommand({ thingName })).then(
    () => true,
    () => false,
  );
  return { classic, named: named.results ?? [] };
}

/** Everything of the fleet is gone, including the settings provision turned on. */
export async function assertWorkshopGone(sb: TestSandbox, fleet: Fleet): Promise<void> {
  const c = clientsFor(sb);
  try {
    const things = new Set(await thingNames(c));
    assert.deepEqual(
      fleet.things.filter((t) => things.has(t)),
      [],
      "workshop things left",
    );
    for (const t of [fleet.things[0], fleet.things[fleet.things.length - 1]])
      assert.deepEqual(await shadowsOf(c, t), { classic: false, named: [] }, `shadows of ${t}`);
    const groups = await groupNames(c);
    assert.deepEqual(
      fleet.groups.filter((g) => groups.includes(g)),
      [],
    );
    const types = await typeNames(c);
    assert.deepEqual(
      fleet.types.filter((g) => types.includes(g)),
      [],
    );
    const packages = await c.iot.send(new ListPackagesCommand({}));
    const pkgNames = (packages.packageSummaries ?? []).map((p) => p.packageName);
    assert.deepEqual(
      fleet.packages.filter((p) => pkgNames.includes(p)),
      [],
    );
    await rejectsWith(
      c.s3.send(new HeadBucketCommand({ Bucket: fleet.bucket })),
      /NotFound|NoSuchBucket/,
      "bucket",
    );
    for (const RoleName of fleet.roles)
      await rejectsWith(c.iam.send(new GetRoleCommand({ RoleName })), /NoSuchEntity/, RoleName);
    for (const certificateId of fleet.certificateIds)
      await rejectsWith(
        c.iot.send(new DescribeCertificateCommand({ certificateId })),
        /ResourceNotFound/,
        certificateId,
      );
    if (fleet.certificateIds.length)
      await rejectsWith(
        c.iot.send(new GetPolicyCommand({ policyName: fleet.policy })),
        /ResourceNotFound/,
        "policy",
      );
    const indexing = await c.iot.send(new GetIndexingConfigurationCommand({}));
    assert.equal(indexing.thingIndexingConfiguration?.thingIndexingMode, "OFF");
    assert.equal(indexing.thingGroupIndexingConfiguration?.thingGroupIndexingMode, "OFF");
    const pkgConfig = await c.iot.send(new GetPackageConfigurationCommand({}));
    assert.equal(pkgConfig.versionUpdateByJobsConfig?.enabled, false);
    const logging = await c.iot.send(new GetV2LoggingOptionsCommand({}));
    assert.equal(logging.defaultLogLevel, "DISABLED");
  } finally {
    c.destroy();
  }
}

/** The decoys, with their shadows, memberships, certificate, policy, objects and inline policy. */
export async function assertDecoysIntact(sb: TestSandbox, d: Decoys): Promise<void> {
  const c = clientsFor(sb);
  try {
    for (const thingName of d.things) {
      await c.iot.send(new DescribeThingCommand({ thingName }));
      assert.equal((await shadowsOf(c, thingName)).classic, true, `classic shadow of ${thingName}`);
    }
    const memberOf = await c.iot.send(new ListThingGroupsForThingCommand({ thingName: d.things[0] }));
    assert.deepEqual(
      (memberOf.thingGroups ?? []).map((g) => g.groupName),
      [d.group],
    );
    const type = await c.iot.send(new DescribeThingTypeCommand({ thingTypeName: d.thingType }));
    assert.equal(type.thingTypeMetadata?.deprecated, false);
    await c.iot.send(new GetPackageCommand({ packageName: d.package }));
    await c.s3.send(new HeadBucketCommand({ Bucket: d.bucket }));
    const objects = await c.s3.send(new ListObjectVersionsCommand({ Bucket: d.bucket }));
    assert.deepEqual(
      (objects.Versions ?? []).map((v) => v.Key),
      ["keep.txt"],
    );
    const inline = await c.iam.send(new ListRolePoliciesCommand({ RoleName: d.role }));
    assert.deepEqual(inline.PolicyNames, ["ProdPolicy"]);
    const cert = await c.iot.send(new DescribeCertificateCommand({ certificateId: d.certificateId }));
    assert.equal(cert.certificateDescription?.status, "ACTIVE");
    const principals = await c.iot.send(new ListThingPrincipalsCommand({ thingName: d.things[0] }));
    assert.deepEqual(principals.principals, [cert.certificateDescription?.certificateArn]);
    const policies = await c.iot.send(
      new ListAttachedPoliciesCommand({ target: cert.certificateDescription?.certificateArn }),
    );
    assert.equal(policies.policies?.length, 1);
    const groups = await groupNames(c);
    assert.ok(groups.includes(d.group));
    const buckets = await c.s3.send(new ListBucketsCommand({}));
    assert.ok((buckets.Buckets ?? []).some((b) => b.Name === d.bucket));
  } finally {
    c.destroy();
  }
}
