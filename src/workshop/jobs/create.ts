/**
 * `iotdm create-job` (features.md 6, the quirks' intent): what can be targeted (every thing
 * group, static and dynamic, and every package, all pages, Q-27), the versions of a package with
 * their status (a DRAFT cannot be deployed, JOB-3), and the creation itself, tagged in the same
 * call so cleanup finds the job.
 */
import { CreateJobCommand, GetPackageCommand, ListThingGroupsCommand } from "@aws-sdk/client-iot";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { jobsRoleName } from "../naming.js";
import { listPackages, listVersions } from "../packages/catalog.js";
import { workshopTags } from "../tags.js";
import { createJobRequest, type JobPlan } from "./config.js";

export interface Targets {
  groups: string[];
  packages: Array<{ name: string; defaultVersion?: string; created?: Date }>;
}

export interface VersionView {
  version: string;
  status: string;
  created?: Date;
}

/** Versions a job may deploy (JOB-3). */
export const DEPLOYABLE = new Set(["PUBLISHED", "DEPRECATED"]);

export async function discoverTargets(session: AwsSession): Promise<Targets> {
  const iot = session.clients.iot;
  const [groups, packages] = await Promise.all([
    allPages(
      (nextToken) => iot.send(new ListThingGroupsCommand({ maxResults: 250, nextToken })),
      (p) => p.thingGroups,
      (p) => p.nextToken,
    ),
    listPackages(session),
  ]);
  return {
    groups: groups.map((g) => g.groupName ?? "").filter((n) => n !== ""),
    packages: packages.filter((p) => p.name !== ""),
  };
}

/** The versions of a package with their status, all pages (the catalog's own listing). */
export const packageVersions = (session: AwsSession, packageName: string): Promise<VersionView[]> =>
  listVersions(session, packageName);

/** Whether the package exists (a name given as a flag, checked before the plan is shown). */
export async function packageExists(session: AwsSession, packageName: string): Promise<boolean> {
  try {
    await session.clients.iot.send(new GetPackageCommand({ packageName }));
    return true;
  } catch (e) {
    if ((e as Error).name === "ResourceNotFoundException") return false;
    throw e;
  }
}

export interface CreatedJob {
  jobId: string;
  jobArn: string;
  targets: string[];
  packageVersionArn?: string;
}

export async function createJob(session: AwsSession, plan: JobPlan): Promise<CreatedJob> {
  const scope = {
    accountId: session.accountId,
    region: session.region,
    presignRoleArn: `arn:aws:iam::${session.accountId}:role/${jobsRoleName(session.region, session.accountId)}`,
  };
  const request = createJobRequest(plan, scope, workshopTags("create-job-script"));
  const out = await session.clients.iot.send(new CreateJobCommand(request));
  return {
    jobId: out.jobId ?? plan.jobId,
    jobArn: out.jobArn ?? "",
    targets: request.targets ?? [],
    packageVersionArn: request.destinationPackageVersions?.[0],
  };
}
