/**
 * Shared by the provision CLI tests: running `iotdm provision` in process against a test
 * sandbox, and checking every resource it should leave behind through the real SDK v3 clients.
 */
import assert from "node:assert/strict";
import { crc32, inflateRawSync } from "node:zlib";
import {
  DescribeThingGroupCommand,
  DescribeThingTypeCommand,
  GetIndexingConfigurationCommand,
  GetPackageConfigurationCommand,
  GetPackageVersionCommand,
  GetV2LoggingOptionsCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingGroupsForThingCommand,
  ListThingsCommand,
  ListThingsInThingGroupCommand,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRoleTagsCommand } from "@aws-sdk/client-iam";
import {
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { after, before } from "node:test";
import { type Recorded, runRecorded } from "../helpers/recording-host.js";
import { type StartTestSandboxOptions, type TestSandbox, startSandbox } from "../helpers/sandbox.js";

/** Every input of a small plan but the count and the prefix: no question is left to ask. */
export const SMALL_PLAN = [
  "--thing-types",
  "SedanVehicle",
  "--versions",
  "1.0.0",
  "--continent",
  "1",
  "--countries",
  "1",
];

export const target = (sb: TestSandbox) => ["--sandbox-port", String(sb.port), "--sandbox-dir", sb.dataDir];

/** The JSON report of `--json provision ...` as printed on stdout (everything else goes to stderr). */
export interface Report {
  ok: boolean;
  plan: { count: number; prefix: string; countries: string[]; thingTypes: string[]; versions: string[] };
  things: { requested: number; created: number; updated: number; failed: number; failures: unknown[] };
  thingTypes: Array<{ name: string; outcome: string }>;
  groups: Array<{ name: string; outcome: string }>;
  packages: Array<{ name: string; outcome: string; versions: Array<{ name: string; outcome: string }> }>;
  bucket: { name: string; outcome: string };
  tags: { applied: number; failures: unknown[] };
  calls: { calls: number; retries: number; failures: number };
  seconds: number;
}

export async function provisionJson(
  sb: TestSandbox,
  args: string[],
): Promise<{ run: Recorded; report: Report }> {
  const run = await runRecorded(["--json", "--yes", "provision", ...args, ...target(sb)]);
  assert.equal(run.code, 0, run.host.stderrText);
  return { run, report: JSON.parse(run.host.stdoutText) as Report };
}

/** A test sandbox and a Verifier on it, started before a file's tests and disposed after them. */
export function sandboxForFile(options?: StartTestSandboxOptions): { sb: TestSandbox; verify: Verifier } {
  const fixture = {} as { sb: TestSandbox; verify: Verifier };
  before(async () => {
    fixture.sb = await startSandbox(options);
    fixture.verify = new Verifier(fixture.sb);
  });
  after(async () => {
    fixture.verify.destroy();
    await fixture.sb.dispose();
  });
  return fixture;
}

export interface Expected {
  prefix: string;
  count: number;
  countries: string[];
  types: string[];
  versions: string[];
}

export class Verifier {
  readonly iot: IoTClient;
  readonly data: IoTDataPlaneClient;
  readonly iam: IAMClient;
  readonly s3: S3Client;

  constructor(private readonly sb: TestSandbox) {
    this.iot = new IoTClient(sb.config);
    this.data = new IoTDataPlaneClient(sb.config);
    this.iam = new IAMClient(sb.config);
    this.s3 = new S3Client(sb.s3Config);
  }

  destroy(): void {
    for (const c of [this.iot, this.data, this.iam, this.s3]) c.destroy();
  }

  async things(prefix: string) {
    const out = [];
    let nextToken: string | undefined;
    do {
      const page = await this.iot.send(new ListThingsCommand({ nextToken, maxResults: 250 }));
      out.push(...(page.things ?? []).filter((t) => t.thingName?.startsWith(prefix)));
      nextToken = page.nextToken;
    } while (nextToken);
    return out.sort((a, b) => (a.thingName! < b.thingName! ? -1 : 1));
  }

  async groupMembers(group: string): Promise<string[]> {
    const out: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.iot.send(
        new ListThingsInThingGroupCommand({ thingGroupName: group, nextToken }),
      );
      out.push(...(page.things ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return out;
  }

  async groupsOf(thingName: string): Promise<string[]> {
    const r = await this.iot.send(new ListThingGroupsForThingCommand({ thingName }));
    return (r.thingGroups ?? []).map((g) => g.groupName!).sort();
  }

  async iotTags(arn: string): Promise<Record<string, string>> {
    const r = await this.iot.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    return Object.fromEntries((r.tags ?? []).map((t) => [t.Key!, t.Value!]));
  }

  async firmwareBuckets(): Promise<string[]> {
    const r = await this.s3.send(new ListBucketsCommand({}));
    return (r.Buckets ?? [])
      .map((b) => b.Name!)
      .filter((n) => n.startsWith(`iot-firmware-${this.sb.region}-`));
  }

  /** Every resource of a provisioned fleet, as features.md 4.5 describes it. */
  async fleet(x: Expected): Promise<void> {
    const { region, accountId } = this.sb;
    const width = Math.max(3, String(x.count).length);

    // Things: names, types and attributes by round robin, shadows, one country group each.
    const things = await this.things(x.prefix);
    assert.equal(things.length, x.count, "thing count");
    const today = Date.now();
    for (let i = 0; i < x.count; i++) {
      const t = things[i];
      const country = x.countries[i % x.countries.length];
      const type = x.types[i % x.types.length];
      assert.equal(t.thingName, `${x.prefix}${String(i + 1).padStart(width, "0")}`);
      assert.equal(t.thingTypeName, type, `${t.thingName} type`);
      assert.equal(t.attributes?.country, country);
      assert.match(
        t.attributes?.customerId ?? "",
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const made = Date.parse(`${t.attributes?.manufacturingDate}T00:00:00Z`);
      assert.ok(
        today - made <= 366 * 86_400_000 && made <= today,
        `manufacturingDate ${t.attributes?.manufacturingDate}`,
      );
    }
    const decode = (p: Uint8Array | undefined) =>
      JSON.parse(new TextDecoder().decode(p)) as { state: { reported: Record<string, unknown> } };
    await Promise.all(
      things.map(async (t, i) => {
        const classic = decode(
          (await this.data.send(new GetThingShadowCommand({ thingName: t.thingName }))).payload,
        );
        const battery = classic.state.reported.batteryStatus as number;
        assert.ok(Number.isInteger(battery) && battery >= 30 && battery <= 100, `battery ${battery}`);
        const pkg = decode(
          (
            await this.data.send(
              new GetThingShadowCommand({ thingName: t.thingName, shadowName: "$package" }),
            )
          ).payload,
        );
        assert.deepEqual(pkg.state.reported[x.types[i % x.types.length]], {
          version: x.versions[0],
          attributes: {},
        });
      }),
    );

    // Country groups: properties, membership, tags.
    for (const [k, country] of x.countries.entries()) {
      const name = `${country}_Fleet`;
      const g = await this.iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
      assert.equal(g.thingGroupProperties?.thingGroupDescription, `Vehicle fleet in ${country}`);
      assert.deepEqual(g.thingGroupProperties?.attributePayload?.attributes, { country });
      const expected = things.filter((_, i) => i % x.countries.length === k).map((t) => t.thingName!);
      const members = (await this.groupMembers(name)).filter((n) => n.startsWith(x.prefix));
      assert.deepEqual(members.sort(), expected.sort(), `members of ${name}`);
      const tags = await this.iotTags(g.thingGroupArn!);
      assertWorkshopTags(tags, name);
      assert.equal(tags.country, country);
    }
    for (const t of things.slice(0, 5))
      assert.deepEqual(await this.groupsOf(t.thingName!), [`${t.attributes!.country}_Fleet`]);

    // Thing types.
    for (const type of x.types) {
      const d = await this.iot.send(new DescribeThingTypeCommand({ thingTypeName: type }));
      assert.deepEqual(d.thingTypeProperties?.searchableAttributes, [
        "customerId",
        "country",
        "manufacturingDate",
      ]);
      assert.equal(d.thingTypeMetadata?.deprecated, false);
      assertWorkshopTags(await this.iotTags(d.thingTypeArn!), type);
    }

    // Bucket: exactly one, versioned and tagged; archives are real ZIPs.
    const buckets = await this.firmwareBuckets();
    assert.equal(buckets.length, 1, `firmware buckets ${buckets.join(",")}`);
    const bucket = buckets[0];
    const versioning = await this.s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    assert.equal(versioning.Status, "Enabled");
    const bucketTags = await this.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    assertWorkshopTags(Object.fromEntries((bucketTags.TagSet ?? []).map((t) => [t.Key!, t.Value!])), bucket);

    // Packages and versions: published, tagged, pointing at an existing S3 object version.
    for (const type of x.types) {
      assertWorkshopTags(await this.iotTags(`arn:aws:iot:${region}:${accountId}:package/${type}`), type);
      for (const version of x.versions) {
        const v = await this.iot.send(
          new GetPackageVersionCommand({ packageName: type, versionName: version }),
        );
        assert.equal(v.status, "PUBLISHED", `${type} ${version}`);
        assert.deepEqual(v.attributes, { signingKey: "SAMPLE-KEY-12345", override: "true" });
        const loc = v.artifact?.s3Location;
        assert.equal(loc?.bucket, bucket);
        assert.equal(loc?.key, `${type}_v${version.replaceAll(".", "_")}.zip`);
        assert.ok(loc?.version, "artifact pins an object version");
        const object = await this.s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: loc.key, VersionId: loc.version }),
        );
        const entry = unzipSingle(Buffer.from(await object.Body!.transformToByteArray()));
        assert.equal(entry.name, `firmware_${version}.bin`);
        assert.match(
          entry.text,
          new RegExp(`^Firmware version ${version.replaceAll(".", "\\.")} for ${type} - \\d+`),
        );
        assertWorkshopTags(await this.iotTags(v.packageVersionArn!), `${type}@${version}`);
      }
    }

    // Fleet indexing, package configuration, logging.
    const index = await this.iot.send(new GetIndexingConfigurationCommand({}));
    assert.equal(index.thingIndexingConfiguration?.thingIndexingMode, "REGISTRY_AND_SHADOW");
    assert.equal(index.thingIndexingConfiguration?.thingConnectivityIndexingMode, "STATUS");
    assert.equal(index.thingIndexingConfiguration?.deviceDefenderIndexingMode, "VIOLATIONS");
    assert.equal(index.thingIndexingConfiguration?.namedShadowIndexingMode, "ON");
    assert.deepEqual(index.thingIndexingConfiguration?.filter?.namedShadowNames, ["$package"]);
    assert.equal(index.thingGroupIndexingConfiguration?.thingGroupIndexingMode, "ON");
    const acct8 = accountId.slice(0, 8);
    const pkgConfig = await this.iot.send(new GetPackageConfigurationCommand({}));
    assert.equal(pkgConfig.versionUpdateByJobsConfig?.enabled, true);
    assert.match(
      pkgConfig.versionUpdateByJobsConfig?.roleArn ?? "",
      new RegExp(`:role/IoTPackageConfigRole-${region}-${acct8}$`),
    );
    const logging = await this.iot.send(new GetV2LoggingOptionsCommand({}));
    assert.equal(logging.defaultLogLevel, "INFO");
    assert.match(logging.roleArn ?? "", new RegExp(`:role/IoTLoggingRole-${region}-${acct8}$`));

    // Roles: trust IoT, carry their inline policy and the workshop tags.
    for (const [role, policy] of [
      [`IoTLoggingRole-${region}-${acct8}`, "IoTLoggingPolicy"],
      [`IoTJobsRole-${region}-${acct8}`, "IoTJobsS3Policy"],
      [`IoTPackageConfigRole-${region}-${acct8}`, "PackageConfigPolicy"],
    ]) {
      const r = await this.iam.send(new GetRoleCommand({ RoleName: role }));
      assert.match(decodeURIComponent(r.Role?.AssumeRolePolicyDocument ?? ""), /iot\.amazonaws\.com/);
      await this.iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: policy }));
      const tags = await this.iam.send(new ListRoleTagsCommand({ RoleName: role }));
      assertWorkshopTags(Object.fromEntries((tags.Tags ?? []).map((t) => [t.Key, t.Value])), role);
    }
  }
}

export function assertWorkshopTags(tags: Record<string, string>, what: string): void {
  assert.equal(tags.workshop, "learning-aws-iot-dm-basics", `workshop tag on ${what}`);
  assert.equal(tags["created-by"], "provision-script", `created-by tag on ${what}`);
  assert.match(
    tags["creation-date"] ?? "",
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
    `creation-date on ${what}`,
  );
}

/** Reads the one entry of a ZIP archive from its local header (deflate or stored). */
export function unzipSingle(zip: Buffer): { name: string; text: string } {
  assert.equal(zip.readUInt32LE(0), 0x04034b50, "ZIP local file header");
  const method = zip.readUInt16LE(8);
  const size = zip.readUInt32LE(18);
  const nameLength = zip.readUInt16LE(26);
  const extra = zip.readUInt16LE(28);
  const name = zip.subarray(30, 30 + nameLength).toString("utf8");
  const body = zip.subarray(30 + nameLength + extra, 30 + nameLength + extra + size);
  const data = method === 8 ? inflateRawSync(body) : body;
  assert.equal(zip.readUInt32LE(14), crc32(data), "ZIP entry CRC-32");
  assert.equal(zip.readUInt32LE(zip.length - 22), 0x06054b50, "ZIP end of central directory");
  return { name, text: data.toString("utf8") };
}
