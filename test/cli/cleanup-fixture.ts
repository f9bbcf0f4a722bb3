/**
 * Test helper for the cleanup tests: builds, with the SDK alone, the fleet `iotdm provision`
 * creates (names from naming.ts, tags from tags.ts), plus decoys that are not the workshop's,
 * and snapshots the whole sandbox state through list/describe calls.
 */
import {
  AddThingToThingGroupCommand,
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreatePackageCommand,
  CreatePackageVersionCommand,
  CreatePolicyCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  IoTClient,
  SetV2LoggingOptionsCommand,
  TagResourceCommand,
  UpdateIndexingConfigurationCommand,
  UpdatePackageConfigurationCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand, TagRoleCommand } from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Agent } from "node:http";
import { join } from "node:path";
import Database from "better-sqlite3";
import { mapLimit } from "../../src/aws/parallel.js";
import {
  countryGroupName,
  DEFAULT_THING_TYPES,
  DEFAULT_VERSIONS,
  DEFAULT_THINGS_PREFIX,
  firmwareBucketName,
  firmwareKey,
  JOBS_POLICY_NAME,
  jobsRoleName,
  LOGGING_POLICY_NAME,
  loggingRoleName,
  PACKAGE_CONFIG_POLICY_NAME,
  packageConfigRoleName,
  thingName,
} from "../../src/workshop/naming.js";
import { type Tag, workshopTags } from "../../src/workshop/tags.js";
import type { TestSandbox } from "../helpers/sandbox.js";

export interface FleetOptions {
  count: number;
  prefix?: string;
  countries?: string[];
  /** Workshop things (by index, 1-based) that get an active certificate with an IoT policy. */
  certificates?: number[];
  concurrency?: number;
}

export interface Fleet {
  things: string[];
  groups: string[];
  types: string[];
  packages: string[];
  bucket: string;
  roles: string[];
  certificateIds: string[];
  policy: string;
}

export interface Decoys {
  things: string[];
  group: string;
  bucket: string;
  role: string;
  thingType: string;
  package: string;
  certificateId: string;
}

export interface Clients {
  iot: IoTClient;
  data: IoTDataPlaneClient;
  s3: S3Client;
  iam: IAMClient;
  destroy(): void;
}

export function clientsFor(sb: TestSandbox, maxSockets = 64): Clients {
  const requestHandler = { httpAgent: new Agent({ keepAlive: true, maxSockets }) };
  const cfg = { ...sb.config, maxAttempts: 5, requestHandler };
  const iot = new IoTClient(cfg);
  const data = new IoTDataPlaneClient(cfg);
  const s3 = new S3Client({ ...sb.s3Config, maxAttempts: 5, requestHandler });
  const iam = new IAMClient(cfg);
  return {
    iot,
    data,
    s3,
    iam,
    destroy: () => [iot, data, s3, iam].forEach((c) => c.destroy()),
  };
}

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const policyDoc = (action: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

const asMap = (tags: Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

async function createRole(c: Clients, name: string, policy: string, tags: Tag[] | undefined) {
  const role = await c.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST }));
  await c.iam.send(
    new PutRolePolicyCommand({ RoleName: name, PolicyName: policy, PolicyDocument: policyDoc("iot:*") }),
  );
  if (tags) await c.iam.send(new TagRoleCommand({ RoleName: name, Tags: tags }));
  return role.Role!.Arn!;
}

async function certificateWithPolicy(c: Clients, policyName: string, thing: string): Promise<string> {
  const cert = await c.iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  await c.iot.send(new AttachPolicyCommand({ policyName, target: cert.certificateArn }));
  await c.iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: cert.certificateArn }));
  return cert.certificateId!;
}

/** The fleet provision creates: roles, logging, types, indexing, bucket, packages, groups, things. */
export async function buildFleet(sb: TestSandbox, opts: FleetOptions): Promise<Fleet> {
  const c = clientsFor(sb);
  try {
    const tags = workshopTags("provision-script");
    const { region, accountId } = sb;
    const prefix = opts.prefix ?? DEFAULT_THINGS_PREFIX;
    const countries = opts.countries ?? ["US", "CA", "MX"];

    const loggingRole = await createRole(c, loggingRoleName(region, accountId), LOGGING_POLICY_NAME, tags);
    await createRole(c, jobsRoleName(region, accountId), JOBS_POLICY_NAME, tags);
    const pkgRole = await createRole(
      c,
      packageConfigRoleName(region, accountId),
      PACKAGE_CONFIG_POLICY_NAME,
      tags,
    );
    await c.iot.send(new SetV2LoggingOptionsCommand({ roleArn: loggingRole, defaultLogLevel: "INFO" }));

    for (const type of DEFAULT_THING_TYPES) {
      const created = await c.iot.send(
        new CreateThingTypeCommand({
          thingTypeName: type,
          thingTypeProperties: { searchableAttributes: ["customerId", "country", "manufacturingDate"] },
        }),
      );
      await c.iot.send(new TagResourceCommand({ resourceArn: created.thingTypeArn, tags }));
    }
    await c.iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: {
          thingIndexingMode: "REGISTRY_AND_SHADOW",
          thingConnectivityIndexingMode: "STATUS",
          namedShadowIndexingMode: "ON",
          filter: { namedShadowNames: ["$package"] },
        },
        thingGroupIndexingConfiguration: { thingGroupIndexingMode: "ON" },
      }),
    );

    const bucket = firmwareBucketName(region, Math.floor(Date.now() / 1000));
    await c.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await c.s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }),
    );
    await c.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: tags } }));
    for (const type of DEFAULT_THING_TYPES) {
      await c.iot.send(new CreatePackageCommand({ packageName: type, tags: asMap(tags) }));
      for (const version of DEFAULT_VERSIONS) {
        const key = firmwareKey(type, version);
        // Two uploads: the bucket then holds a noncurrent version as well.
        await c.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `draft ${type} ${version}` }));
        const put = await c.s3.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${type} ${version}` }),
        );
        await c.iot.send(
          new CreatePackageVersionCommand({
            packageName: type,
            versionName: version,
            attributes: { signingKey: "SAMPLE-KEY-12345", override: "true" },
            artifact: { s3Location: { bucket, key, version: put.VersionId ?? "" } },
          }),
        );
        await c.iot.send(
          new UpdatePackageVersionCommand({ packageName: type, versionName: version, action: "PUBLISH" }),
        );
      }
    }
    await c.iot.send(
      new UpdatePackageConfigurationCommand({
        versionUpdateByJobsConfig: { enabled: true, roleArn: pkgRole },
      }),
    );

    const groups = countries.map(countryGroupName);
    for (const [i, group] of groups.entries()) {
      const created = await c.iot.send(
        new CreateThingGroupCommand({
          thingGroupName: group,
          thingGroupProperties: {
            thingGroupDescription: `Vehicle fleet in ${countries[i]}`,
            attributePayload: { attributes: { country: countries[i] } },
          },
          tags: [{ Key: "country", Value: countries[i] }],
        }),
      );
      await c.iot.send(new TagResourceCommand({ resourceArn: created.thingGroupArn, tags }));
    }

    const things = Array.from({ length: opts.count }, (_, i) => thingName(prefix, i + 1, opts.count));
    await mapLimit(things, opts.concurrency ?? 48, async (name, i) => {
      const type = DEFAULT_THING_TYPES[i % DEFAULT_THING_TYPES.length];
      const country = countries[i % countries.length];
      await c.iot.send(
        new CreateThingCommand({
          thingName: name,
          thingTypeName: type,
          attributePayload: {
            attributes: { country, customerId: `c-${i}`, manufacturingDate: "2025-01-01" },
          },
        }),
      );
      await c.iot.send(
        new AddThingToThingGroupCommand({ thingGroupName: countryGroupName(country), thingName: name }),
      );
      await c.data.send(
        new UpdateThingShadowCommand({
          thingName: name,
          payload: json({ state: { reported: { batteryStatus: 30 + (i % 70) } } }),
        }),
      );
      await c.data.send(
        new UpdateThingShadowCommand({
          thingName: name,
          shadowName: "$package",
          payload: json({
            state: { reported: { [type]: { version: DEFAULT_VERSIONS[0], attributes: {} } } },
          }),
        }),
      );
    });

    const policy = `WorkshopDevicePolicy-${process.pid}`;
    const certificateIds: string[] = [];
    if (opts.certificates?.length) {
      const created = await c.iot.send(
        new CreatePolicyCommand({ policyName: policy, policyDocument: policyDoc("iot:Connect") }),
      );
      await c.iot.send(new TagResourceCommand({ resourceArn: created.policyArn, tags }));
      for (const index of opts.certificates)
        certificateIds.push(await certificateWithPolicy(c, policy, things[index - 1]));
    }
    return {
      things,
      groups,
      types: [...DEFAULT_THING_TYPES],
      packages: [...DEFAULT_THING_TYPES],
      bucket,
      roles: [
        loggingRoleName(region, accountId),
        jobsRoleName(region, accountId),
        packageConfigRoleName(region, accountId),
      ],
      certificateIds,
      policy,
    };
  } finally {
    c.destroy();
  }
}

/**
 * Resources that are not the workshop's: names outside the patterns and no workshop tag. One
 * decoy thing is also a member of a workshop group, another holds a certificate with a policy.
 */
export async function buildDecoys(sb: TestSandbox, fleet: Fleet): Promise<Decoys> {
  const c = clientsFor(sb);
  try {
    const other: Tag[] = [{ Key: "team", Value: "production" }];
    const thingType = "ProductionSensor";
    await c.iot.send(new CreateThingTypeCommand({ thingTypeName: thingType }));
    const group = "production-fleet";
    await c.iot.send(new CreateThingGroupCommand({ thingGroupName: group, tags: other }));
    // Near misses of the thing pattern (2 digits, letters, other prefix case).
    const things = ["prod-device-001", "Vehicle-VIN-01", "Vehicle-VIN-ABC", "vehicle-vin-001"];
    for (const name of things) {
      await c.iot.send(new CreateThingCommand({ thingName: name, thingTypeName: thingType }));
      await c.data.send(
        new UpdateThingShadowCommand({ thingName: name, payload: json({ state: { reported: { on: 1 } } }) }),
      );
    }
    await c.iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: things[0] }));
    // A decoy member of a workshop group: the group goes, the thing stays.
    await c.iot.send(
      new AddThingToThingGroupCommand({ thingGroupName: fleet.groups[0], thingName: things[1] }),
    );
    const policyName = `ProdPolicy-${process.pid}`;
    await c.iot.send(new CreatePolicyCommand({ policyName, policyDocument: policyDoc("iot:Connect") }));
    const certificateId = await certificateWithPolicy(c, policyName, things[0]);
    const bucket = `iot-firmware-${sb.region}-backup`;
    await c.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await c.s3.send(new PutObjectCommand({ Bucket: bucket, Key: "keep.txt", Body: "keep" }));
    const role = "ProdServiceRole";
    await createRole(c, role, "ProdPolicy", undefined);
    const pkg = "prod-firmware";
    await c.iot.send(new CreatePackageCommand({ packageName: pkg, tags: asMap(other) }));
    return { things, group, bucket, role, thingType, package: pkg, certificateId };
  } finally {
    c.destroy();
  }
}

/**
 * Every row of the sandbox database, in a stable order (call it with the sandbox stopped).
 * Comparing two of these says whether anything at all changed in between.
 */
export function databaseRows(dataDir: string): string[] {
  const db = new Database(join(dataDir, "state.db"), { readonly: true, fileMustExist: true });
  try {
    const rows: string[] = [];
    for (const table of ["docs", "links", "blobs", "meta"]) {
      const all = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
      for (const r of all)
        rows.push(
          `${table} ${JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v))}`,
        );
    }
    return rows.sort();
  } finally {
    db.close();
  }
}
