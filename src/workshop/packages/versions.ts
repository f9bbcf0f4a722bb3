/**
 * A package version's life (PKG-2, PKG-3, PKG-4): created from a file (or a generated firmware
 * archive) uploaded to the workshop's versioned bucket and pinned to the S3 object version that
 * upload made; then published, deprecated, made the package default, deleted. AWS's own rules
 * decide what is refused (a draft cannot be deprecated or be the default, the default version
 * cannot be deleted, a package with versions cannot be deleted): the workflow does not guess
 * them beforehand, it lets the service answer.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import {
  DeletePackageCommand,
  DeletePackageVersionCommand,
  GetPackageVersionCommand,
  UpdatePackageCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { AwsSession } from "../../aws/session.js";
import { firmwareKey } from "../naming.js";
import { ensureFirmwareBucket, firmwareArchive } from "../provision/firmware.js";
import type { Tagger } from "../provision/tagging.js";
import { type Created, ifFound, registerVersion } from "./catalog.js";

export interface NewVersion {
  packageName: string;
  versionName: string;
  /** A file to upload as the artifact; without it, a generated firmware archive. */
  file?: string;
  attributes: Record<string, string>;
  description?: string;
  /** Leave it a DRAFT instead of publishing it. */
  draft: boolean;
}

export interface VersionArtifact {
  bucket: string;
  bucketCreated: boolean;
  key: string;
  s3Version?: string;
  bytes: number;
}

export type CreatedVersion = Created<{ status: string; arn?: string; artifact?: VersionArtifact }>;

/** The file's key keeps its name after the version's own prefix, so two versions never share one. */
function artifactKey(v: NewVersion): string {
  const base = firmwareKey(v.packageName, v.versionName).replace(/\.zip$/, "");
  return v.file ? `${base}/${basename(v.file)}` : `${base}.zip`;
}

/**
 * Uploads, then registers. Each upload is a new S3 object version and the package version names
 * that exact version, so an older object under the same key (an earlier attempt) never leaks in.
 */
export async function createVersion(
  session: AwsSession,
  tagger: Tagger,
  v: NewVersion,
): Promise<CreatedVersion> {
  const { packageName, versionName } = v;
  const existing = await ifFound(() =>
    session.clients.iot.send(new GetPackageVersionCommand({ packageName, versionName })),
  );
  if (existing)
    return { outcome: "existing", status: existing.status ?? "", arn: existing.packageVersionArn };
  const body = v.file ? await readFile(v.file) : firmwareArchive(packageName, versionName);
  const bucket = await ensureFirmwareBucket(session, tagger);
  const key = artifactKey(v);
  const put = await session.clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket.name,
      Key: key,
      Body: body,
      ContentType: v.file ? "application/octet-stream" : "application/zip",
    }),
  );
  const s3Version = put.VersionId && put.VersionId !== "null" ? put.VersionId : undefined;
  const registered = await registerVersion(session, tagger, {
    packageName,
    versionName,
    description: v.description ?? `Firmware ${versionName} for ${packageName}`,
    attributes: v.attributes,
    artifact: { bucket: bucket.name, key, version: s3Version },
    publish: !v.draft,
  });
  return {
    outcome: "created",
    ...registered,
    artifact: { bucket: bucket.name, bucketCreated: bucket.created, key, s3Version, bytes: body.length },
  };
}

export const LIFECYCLE_ACTIONS = ["publish", "deprecate", "delete-version", "delete", "set-default"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** One lifecycle step; AWS's refusal (ValidationException, ...) is thrown as the SDK gives it. */
export async function applyLifecycle(
  session: AwsSession,
  action: LifecycleAction,
  packageName: string,
  versionName: string | undefined,
): Promise<void> {
  const { iot } = session.clients;
  const version = versionName ?? "";
  if (action === "publish" || action === "deprecate")
    await iot.send(
      new UpdatePackageVersionCommand({
        packageName,
        versionName: version,
        action: action === "publish" ? "PUBLISH" : "DEPRECATE",
      }),
    );
  else if (action === "set-default")
    await iot.send(new UpdatePackageCommand({ packageName, defaultVersionName: version }));
  else if (action === "delete-version")
    await iot.send(new DeletePackageVersionCommand({ packageName, versionName: version }));
  else await iot.send(new DeletePackageCommand({ packageName }));
}
