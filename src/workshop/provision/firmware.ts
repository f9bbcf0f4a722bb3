/**
 * Steps 4 and 5, firmware storage: a versioned S3 bucket (the first existing
 * `iot-firmware-<region>-<n>` is reused) and one ZIP archive per thing type and version. An
 * archive already in the bucket is reused, so package versions keep pointing at the same
 * S3 object version.
 */
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { firmwareBucketName, firmwareBucketPattern, firmwareBucketPrefix, firmwareKey } from "../naming.js";
import type { StepContext } from "./context.js";
import { describeError, errorCode, retriedInto, wasRetried } from "../errors.js";
import type { FirmwareResult, ResourceResult } from "./report.js";
import type { Tagger } from "./tagging.js";
import { zip } from "./zip.js";

async function findBucket(session: AwsSession): Promise<string | undefined> {
  const { s3 } = session.clients;
  const region = session.region;
  const names = await allPages(
    (token) =>
      s3.send(
        new ListBucketsCommand({
          Prefix: `${firmwareBucketPrefix(region)}-`,
          MaxBuckets: 1000,
          ContinuationToken: token,
        }),
      ),
    (page) => page.Buckets?.map((b) => b.Name ?? ""),
    (page) => page.ContinuationToken,
  );
  const pattern = firmwareBucketPattern(region);
  return names.filter((n) => pattern.test(n)).sort()[0];
}

/** A retry that finds the bucket already ours (outside us-east-1) met its own first attempt. */
async function createBucket(session: AwsSession, name: string): Promise<void> {
  const region = session.region;
  try {
    await session.clients.s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region === "us-east-1"
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (e) {
    if (!retriedInto(e, "BucketAlreadyOwnedByYou")) throw e;
  }
}

/**
 * The workshop's firmware bucket: the first existing one, else a new one, tagged. Versioning is
 * switched on either way: package versions need object version ids.
 */
export async function ensureFirmwareBucket(
  session: AwsSession,
  tagger: Tagger,
): Promise<{ name: string; created: boolean }> {
  const existing = await findBucket(session);
  const name = existing ?? firmwareBucketName(session.region, Math.floor(Date.now() / 1000));
  if (!existing) await createBucket(session, name);
  await session.clients.s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Enabled" } }),
  );
  if (!existing) await tagger.tag("s3-bucket", name, name);
  return { name, created: !existing };
}

export async function provisionBucket(ctx: StepContext): Promise<ResourceResult> {
  const region = ctx.session.region;
  await ctx.io.learn("provision.learn.s3Storage", { region });
  ctx.io.say("step", "provision.step.bucket");
  let name = "";
  try {
    const bucket = await ensureFirmwareBucket(ctx.session, ctx.tagger);
    name = bucket.name;
    const arn = `arn:aws:s3:::${name}`;
    if (!bucket.created) {
      ctx.io.say("info", "provision.bucket.existing", { name });
      return { name, outcome: "existing", arn };
    }
    ctx.io.say("success", "provision.bucket.created", { name });
    return { name, outcome: "created", arn };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.bucket.failed", { name, error });
    return { name, outcome: "failed", error };
  }
}

/** The archive of one firmware version: `firmware_<version>.bin` inside. */
export function firmwareArchive(thingType: string, version: string, now = new Date()): Buffer {
  const text = `Firmware version ${version} for ${thingType} - ${Math.floor(now.getTime() / 1000)}\n`;
  return zip([{ name: `firmware_${version}.bin`, data: Buffer.from(text, "utf8") }], now);
}

/** A versioned object's id; "null" (written before versioning was on) is no usable version. */
const usableVersion = (id: string | undefined) => (id && id !== "null" ? id : undefined);

/** The current version id of every object in the bucket (a delete marker means absent). */
async function currentVersions(ctx: StepContext, bucket: string): Promise<Map<string, string | undefined>> {
  const current = new Map<string, string | undefined>();
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  do {
    const page = await ctx.session.clients.s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker, VersionIdMarker }),
    );
    for (const v of page.Versions ?? []) if (v.IsLatest && v.Key) current.set(v.Key, v.VersionId);
    KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (KeyMarker);
  return current;
}

/**
 * Uploads an archive only if the key has no current object (If-None-Match: *), so a retried
 * upload whose first attempt went through adds no second version: the 412 then reads the
 * version that attempt wrote (ours: "created"; on a first attempt another writer's: "existing").
 */
async function putArchive(
  session: AwsSession,
  Bucket: string,
  Key: string,
  Body: Buffer,
): Promise<{ outcome: "created" | "existing"; versionId?: string }> {
  const { s3 } = session.clients;
  try {
    const put = await s3.send(
      new PutObjectCommand({ Bucket, Key, Body, ContentType: "application/zip", IfNoneMatch: "*" }),
    );
    return { outcome: "created", versionId: put.VersionId };
  } catch (e) {
    if (errorCode(e) !== "PreconditionFailed") throw e;
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
    return { outcome: wasRetried(e) ? "created" : "existing", versionId: head.VersionId };
  }
}

async function ensureArchive(
  ctx: StepContext,
  bucket: string,
  current: ReadonlyMap<string, string | undefined>,
  thingType: string,
  version: string,
): Promise<FirmwareResult> {
  const key = firmwareKey(thingType, version);
  const base = { name: key, thingType, version, arn: `arn:aws:s3:::${bucket}/${key}` };
  try {
    const { outcome, versionId } = current.has(key)
      ? { outcome: "existing" as const, versionId: current.get(key) }
      : await putArchive(ctx.session, bucket, key, firmwareArchive(thingType, version));
    if (outcome === "existing")
      ctx.io.say("info", "provision.firmware.existing", { key, versionId: versionId ?? "-" });
    else ctx.io.say("success", "provision.firmware.uploaded", { key, versionId: versionId ?? "-" });
    return { ...base, outcome, versionId: usableVersion(versionId) };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.firmware.failed", { key, error });
    return { ...base, outcome: "failed", error };
  }
}

export async function uploadFirmware(ctx: StepContext, bucket: ResourceResult): Promise<FirmwareResult[]> {
  const { thingTypes, versions } = ctx.plan;
  const pairs = thingTypes.flatMap((thingType) => versions.map((version) => ({ thingType, version })));
  await ctx.io.learn("provision.learn.firmware", { total: pairs.length });
  ctx.io.say("step", "provision.step.firmware");
  let current: Map<string, string | undefined>;
  try {
    current = bucket.outcome === "created" ? new Map() : await currentVersions(ctx, bucket.name);
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.firmware.failed", { key: bucket.name, error });
    return pairs.map((p) => ({
      name: firmwareKey(p.thingType, p.version),
      outcome: "failed",
      error,
      ...p,
    }));
  }
  return mapLimit(pairs, ctx.session.concurrency(8), (p) =>
    ensureArchive(ctx, bucket.name, current, p.thingType, p.version),
  );
}
