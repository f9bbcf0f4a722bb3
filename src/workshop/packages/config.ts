/**
 * Package configuration (PKG-5): whether a job that installs a package version also writes the
 * device's `$package` shadow (PKG-7), and the role IoT uses for it. Enabling makes sure the role
 * and its inline policy exist first, exactly as provision makes them (roles.ts), tagged for
 * cleanup; disabling keeps the stored role, as AWS does.
 */
import { GetPackageConfigurationCommand, UpdatePackageConfigurationCommand } from "@aws-sdk/client-iot";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { enableVersionUpdates } from "../provision/package-config.js";
import { ensureRoles, packageConfigRole } from "../provision/roles.js";
import type { Tagger } from "../provision/tagging.js";

export interface PackageConfiguration {
  enabled: boolean;
  roleArn?: string;
}

export async function readConfiguration(session: AwsSession): Promise<PackageConfiguration> {
  const out = await session.clients.iot.send(new GetPackageConfigurationCommand({}));
  const c = out.versionUpdateByJobsConfig;
  return { enabled: c?.enabled === true, ...(c?.roleArn ? { roleArn: c.roleArn } : {}) };
}

export async function enableConfiguration(
  session: AwsSession,
  io: WorkshopIo,
  tagger: Tagger,
): Promise<PackageConfiguration & { role: { name: string; outcome: string } }> {
  const [role] = await ensureRoles({ session, io, tagger }, [
    packageConfigRole(session.region, session.accountId),
  ]);
  if (role.outcome === "failed" || !role.arn) throw new Error(role.error ?? `role ${role.name} unavailable`);
  await enableVersionUpdates(session, io, role.arn);
  return { ...(await readConfiguration(session)), role: { name: role.name, outcome: role.outcome } };
}

export async function disableConfiguration(session: AwsSession): Promise<PackageConfiguration> {
  await session.clients.iot.send(
    new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: false } }),
  );
  return readConfiguration(session);
}
