/**
 * Step 6, Software Package Catalog: one package per thing type, one published version per
 * firmware version, each pointing at its archive's S3 object version. Existing packages and
 * versions are reused; an existing version that is not published gets published. Each creation
 * carries its own clientToken, which the SDK sends again on a retry: a retry whose first attempt
 * went through gets that attempt's answer instead of a conflict.
 */
import { randomUUID } from "node:crypto";
import {
  CreatePackageCommand,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { StepContext } from "./context.js";
import { describeError } from "../errors.js";
import { registerVersion } from "../packages/catalog.js";
import type { FirmwareResult, PackageResult, ResourceResult } from "./report.js";

/** Attributes every version carries (devices and jobs can read them). */
export const VERSION_ATTRIBUTES = { signingKey: "SAMPLE-KEY-12345", override: "true" };

type VersionResult = ResourceResult & { status?: string };

async function ensureVersion(
  ctx: StepContext,
  packageName: string,
  versionName: string,
  bucket: string,
  archive: FirmwareResult | undefined,
  existingStatus: string | undefined,
): Promise<VersionResult> {
  const { iot } = ctx.session.clients;
  const publish = () =>
    iot.send(new UpdatePackageVersionCommand({ packageName, versionName, action: "PUBLISH" }));
  const vars = { name: packageName, version: versionName };
  try {
    if (existingStatus === "PUBLISHED") {
      ctx.io.say("info", "provision.package.versionExisting", vars);
      return { name: versionName, outcome: "existing", status: "PUBLISHED" };
    }
    if (existingStatus) {
      await publish();
      ctx.io.say("success", "provision.package.versionPublished", vars);
      return { name: versionName, outcome: "published", status: "PUBLISHED" };
    }
    if (!archive || archive.outcome === "failed")
      throw new Error(`no firmware archive for ${packageName} ${versionName}`);
    const { arn } = await registerVersion(ctx.session, ctx.tagger, {
      packageName,
      versionName,
      description: `Firmware ${versionName} for ${packageName}`,
      attributes: VERSION_ATTRIBUTES,
      artifact: { bucket, key: archive.name, version: archive.versionId },
      publish: true,
    });
    ctx.io.say("success", "provision.package.versionCreated", vars);
    return { name: versionName, outcome: "created", arn, status: "PUBLISHED" };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.package.versionFailed", { ...vars, error });
    return { name: versionName, outcome: "failed", error };
  }
}

async function ensurePackage(
  ctx: StepContext,
  name: string,
  exists: boolean,
  bucket: string,
  firmware: readonly FirmwareResult[],
): Promise<PackageResult> {
  const { iot } = ctx.session.clients;
  let pkg: ResourceResult;
  let statuses = new Map<string | undefined, string | undefined>();
  try {
    if (exists) {
      const versions = await allPages(
        (nextToken) => iot.send(new ListPackageVersionsCommand({ packageName: name, nextToken })),
        (page) => page.packageVersionSummaries,
        (page) => page.nextToken,
      );
      statuses = new Map(versions.map((v) => [v.versionName, v.status]));
      ctx.io.say("info", "provision.package.existing", { name });
      pkg = { name, outcome: "existing" };
    } else {
      const created = await iot.send(
        new CreatePackageCommand({
          packageName: name,
          description: `Firmware for ${name} devices`,
          clientToken: randomUUID(),
        }),
      );
      ctx.io.say("success", "provision.package.created", { name });
      if (created.packageArn) await ctx.tagger.tag("package", name, created.packageArn);
      pkg = { name, outcome: "created", arn: created.packageArn };
    }
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.package.failed", { name, error });
    return { name, outcome: "failed", error, versions: [] };
  }
  const versions: VersionResult[] = [];
  for (const v of ctx.plan.versions) {
    const archive = firmware.find((f) => f.thingType === name && f.version === v);
    versions.push(await ensureVersion(ctx, name, v, bucket, archive, statuses.get(v)));
  }
  return { ...pkg, versions };
}

export async function provisionPackages(
  ctx: StepContext,
  bucket: string,
  firmware: readonly FirmwareResult[],
): Promise<PackageResult[]> {
  const types = ctx.plan.thingTypes;
  await ctx.io.learn("provision.learn.packageCatalog");
  ctx.io.say("step", "provision.step.packages");
  let existing: Set<string | undefined>;
  try {
    const packages = await allPages(
      (nextToken) => ctx.session.clients.iot.send(new ListPackagesCommand({ nextToken })),
      (page) => page.packageSummaries,
      (page) => page.nextToken,
    );
    existing = new Set(packages.map((p) => p.packageName));
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.package.failed", { name: types.join(", "), error });
    return types.map((name) => ({ name, outcome: "failed", error, versions: [] }));
  }
  const results = await mapLimit(types, ctx.session.concurrency(8), (t) =>
    ensurePackage(ctx, t, existing.has(t), bucket, firmware),
  );
  const ok = results.filter(
    (p) => p.outcome !== "failed" && p.versions.every((v) => v.outcome !== "failed"),
  ).length;
  ctx.io.say(ok === types.length ? "success" : "warn", "provision.package.summary", {
    ok,
    total: types.length,
  });
  return results;
}
