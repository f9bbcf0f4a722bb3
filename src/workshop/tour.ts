/**
 * The "look around" stop of the workshop tour: what provisioning created, read back through
 * the same APIs a user would call (thing types, groups and their members, a few things with
 * their attributes and shadows, packages and versions, firmware objects).
 */
import {
  DescribeThingCommand,
  ListPackageVersionsCommand,
  ListPackagesCommand,
  ListThingGroupsCommand,
  ListThingTypesCommand,
  ListThingsInThingGroupCommand,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { ListBucketsCommand, ListObjectVersionsCommand } from "@aws-sdk/client-s3";
import { allPages } from "../aws/parallel.js";
import type { AwsSession } from "../aws/session.js";
import type { WorkshopIo } from "./io.js";
import { firmwareBucketPattern } from "./naming.js";

export interface FleetView {
  thingTypes: string[];
  groups: Array<{ name: string; members: number }>;
  samples: Array<{
    name: string;
    type?: string;
    attributes: Record<string, string>;
    battery?: number;
    packages: Record<string, string>;
  }>;
  packages: Array<{ name: string; versions: Array<{ version: string; status?: string }> }>;
  firmwareObjects: number;
}

function decode(payload: Uint8Array | undefined): { state?: { reported?: Record<string, unknown> } } {
  return payload
    ? (JSON.parse(new TextDecoder().decode(payload)) as { state?: { reported?: Record<string, unknown> } })
    : {};
}

/** Reads the fleet back and narrates it; `thingNames` are the things to show in detail. */
export async function showFleet(
  session: AwsSession,
  io: WorkshopIo,
  thingNames: string[],
): Promise<FleetView> {
  const { iot, s3 } = session.clients;
  const data = await session.clients.iotData();

  const types = await allPages(
    (nextToken) => iot.send(new ListThingTypesCommand({ nextToken, maxResults: 100 })),
    (p) => p.thingTypes,
    (p) => p.nextToken,
  );
  const thingTypes = types.map((t) => t.thingTypeName ?? "").filter((n) => n !== "");
  io.say("step", "workshop.fleet.thingTypes", { count: thingTypes.length });
  for (const name of thingTypes) io.line("plain", `   • ${name}`);

  const groupList = await allPages(
    (nextToken) => iot.send(new ListThingGroupsCommand({ nextToken, maxResults: 250 })),
    (p) => p.thingGroups,
    (p) => p.nextToken,
  );
  const groups: FleetView["groups"] = [];
  for (const g of groupList) {
    const name = g.groupName ?? "";
    const members = await allPages(
      (nextToken) =>
        iot.send(new ListThingsInThingGroupCommand({ thingGroupName: name, nextToken, maxResults: 250 })),
      (p) => p.things,
      (p) => p.nextToken,
    );
    groups.push({ name, members: members.length });
  }
  io.say("step", "workshop.fleet.groups", { count: groups.length });
  for (const g of groups) io.say("plain", "workshop.fleet.groupLine", { name: g.name, members: g.members });

  io.say("step", "workshop.fleet.samples", { count: thingNames.length });
  const samples: FleetView["samples"] = [];
  for (const name of thingNames) {
    const thing = await iot.send(new DescribeThingCommand({ thingName: name }));
    const classic = decode((await data.send(new GetThingShadowCommand({ thingName: name }))).payload);
    const pkg = decode(
      (await data.send(new GetThingShadowCommand({ thingName: name, shadowName: "$package" }))).payload,
    );
    const packages = Object.fromEntries(
      Object.entries(pkg.state?.reported ?? {}).map(([p, v]) => [
        p,
        String((v as { version?: unknown }).version ?? ""),
      ]),
    );
    const battery = classic.state?.reported?.batteryStatus;
    samples.push({
      name,
      type: thing.thingTypeName,
      attributes: thing.attributes ?? {},
      battery: typeof battery === "number" ? battery : undefined,
      packages,
    });
    io.say("plain", "workshop.fleet.sampleLine", {
      name,
      type: thing.thingTypeName ?? "-",
      country: thing.attributes?.country ?? "-",
      battery: typeof battery === "number" ? battery : "-",
      packages: Object.entries(packages)
        .map(([p, v]) => `${p} ${v}`)
        .join(", "),
    });
  }

  const packageList = await allPages(
    (nextToken) => iot.send(new ListPackagesCommand({ nextToken, maxResults: 100 })),
    (p) => p.packageSummaries,
    (p) => p.nextToken,
  );
  const packages: FleetView["packages"] = [];
  for (const p of packageList) {
    const name = p.packageName ?? "";
    const versions = await allPages(
      (nextToken) =>
        iot.send(new ListPackageVersionsCommand({ packageName: name, nextToken, maxResults: 100 })),
      (page) => page.packageVersionSummaries,
      (page) => page.nextToken,
    );
    packages.push({
      name,
      versions: versions.map((v) => ({ version: v.versionName ?? "", status: v.status })),
    });
  }
  io.say("step", "workshop.fleet.packages", { count: packages.length });
  for (const p of packages)
    io.line(
      "plain",
      `   • ${p.name}: ${p.versions.map((v) => `${v.version} (${v.status ?? "?"})`).join(", ")}`,
    );

  const buckets = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
  const pattern = firmwareBucketPattern(session.region);
  let firmwareObjects = 0;
  for (const b of buckets.filter((x) => pattern.test(x.Name ?? ""))) {
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b.Name }));
    firmwareObjects += versions.Versions?.length ?? 0;
    io.say("plain", "workshop.fleet.bucketLine", {
      bucket: b.Name ?? "",
      objects: versions.Versions?.length ?? 0,
    });
  }
  return { thingTypes, groups, samples, packages, firmwareObjects };
}
