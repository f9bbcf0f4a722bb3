/**
 * Software packages: tag, then the thing type names provision gives them. A package goes with
 * its versions (association); the default version is unset first because it cannot be deleted.
 */
import {
  DeletePackageCommand,
  DeletePackageVersionCommand,
  GetPackageCommand,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  UpdatePackageCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, listOrUnavailable, settle, verdict } from "./context.js";
import { identify, iotTags, TYPES_PATTERN } from "./identify.js";
import type { Outcome } from "./types.js";

const IN_FLIGHT = 4;

async function versionsOf(ctx: CleanupContext, packageName: string): Promise<string[]> {
  const versions = await allPages(
    (nextToken) =>
      ctx.session.clients.iot.send(
        new ListPackageVersionsCommand({ packageName, nextToken, maxResults: 100 }),
      ),
    (p) => p.packageVersionSummaries,
    (p) => p.nextToken,
  );
  return versions.map((v) => v.versionName ?? "").sort();
}

const dependents = (packageName: string, versions: string[]): Outcome["dependents"] =>
  versions.length
    ? [{ family: "packageVersions", names: versions, association: "versionOfPackage", evidence: packageName }]
    : [];

async function remove(ctx: CleanupContext, packageName: string, defaultVersion: string | undefined) {
  const iot = ctx.session.clients.iot;
  if (defaultVersion) await iot.send(new UpdatePackageCommand({ packageName, unsetDefaultVersion: true }));
  const versions = await versionsOf(ctx, packageName);
  await mapLimit(versions, ctx.session.concurrency(IN_FLIGHT), (versionName) =>
    deleteOnce(() => iot.send(new DeletePackageVersionCommand({ packageName, versionName }))),
  );
  await deleteOnce(() => iot.send(new DeletePackageCommand({ packageName })));
  return dependents(packageName, versions);
}

async function one(ctx: CleanupContext, packageName: string): Promise<void> {
  const pkg = await ctx.session.clients.iot.send(new GetPackageCommand({ packageName }));
  const id = identify(packageName, await iotTags(ctx.session, pkg.packageArn ?? ""), TYPES_PATTERN);
  await settle(
    ctx,
    verdict("packages", packageName, id),
    () => remove(ctx, packageName, pkg.defaultVersionName),
    async () => dependents(packageName, await versionsOf(ctx, packageName)),
  );
}

export async function cleanPackages(ctx: CleanupContext): Promise<void> {
  const listed = await listOrUnavailable(ctx, "packages", "iot:ListPackages", () =>
    allPages(
      (nextToken) => ctx.session.clients.iot.send(new ListPackagesCommand({ maxResults: 100, nextToken })),
      (p) => p.packageSummaries,
      (p) => p.nextToken,
    ),
  );
  if (!listed) return;
  ctx.tally.scanned("packages", listed.length);
  await mapLimit(listed, ctx.session.concurrency(IN_FLIGHT), (p) =>
    guard(ctx, "packages", p.packageName ?? "", () => one(ctx, p.packageName ?? "")),
  );
  ctx.tally.flush("packages");
}
