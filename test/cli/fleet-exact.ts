/**
 * Exactness of a provisioned fleet, resource by resource through the SDK: what `Verifier.fleet`
 * checks exists, and here that nothing exists twice or in excess (the convergence of provision
 * under `--fail-mode after`, where retried calls meet their own earlier effects).
 */
import assert from "node:assert/strict";
import {
  ListCertificatesCommand,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  ListThingGroupsCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
  ListThingTypesCommand,
} from "@aws-sdk/client-iot";
import { ListNamedShadowsForThingCommand } from "@aws-sdk/client-iot-data-plane";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { ListObjectVersionsCommand } from "@aws-sdk/client-s3";
import { allPages, mapLimit } from "../../src/aws/parallel.js";
import { firmwareKey, workshopRoleNames } from "../../src/workshop/naming.js";
import type { TestSandbox } from "../helpers/sandbox.js";
import type { Expected, Verifier } from "./provision-helpers.js";

const sorted = (xs: Array<string | undefined>) => xs.map((x) => x ?? "").sort();

/** Every resource provision makes exists exactly once, and nothing else of its kinds does. */
export async function assertExactFleet(sb: TestSandbox, v: Verifier, x: Expected): Promise<void> {
  const { iot, data, iam, s3 } = v;
  const things = await allPages(
    (nextToken) => iot.send(new ListThingsCommand({ nextToken, maxResults: 250 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  assert.equal(things.length, x.count, "exactly the requested things, and no other");
  const groups = await allPages(
    (nextToken) => iot.send(new ListThingGroupsCommand({ nextToken })),
    (p) => p.thingGroups,
    (p) => p.nextToken,
  );
  assert.deepEqual(sorted(groups.map((g) => g.groupName)), sorted(x.countries.map((c) => `${c}_Fleet`)));
  const types = await iot.send(new ListThingTypesCommand({}));
  assert.deepEqual(sorted((types.thingTypes ?? []).map((t) => t.thingTypeName)), sorted(x.types));
  const packages = await iot.send(new ListPackagesCommand({}));
  assert.deepEqual(sorted((packages.packageSummaries ?? []).map((p) => p.packageName)), sorted(x.types));
  for (const packageName of x.types) {
    const versions = await iot.send(new ListPackageVersionsCommand({ packageName }));
    assert.deepEqual(
      sorted((versions.packageVersionSummaries ?? []).map((s) => s.versionName)),
      sorted(x.versions),
      `versions of ${packageName}`,
    );
  }
  const [bucket] = await v.firmwareBuckets();
  const objects = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  assert.deepEqual(
    sorted((objects.Versions ?? []).map((o) => o.Key)),
    sorted(x.types.flatMap((t) => x.versions.map((version) => firmwareKey(t, version)))),
    "one object version per archive",
  );
  assert.equal(objects.DeleteMarkers, undefined);
  const roles = await iam.send(new ListRolesCommand({}));
  assert.deepEqual(
    sorted((roles.Roles ?? []).map((r) => r.RoleName)),
    sorted(workshopRoleNames(sb.region, sb.accountId)),
  );
  const certificates = await iot.send(new ListCertificatesCommand({}));
  assert.deepEqual(certificates.certificates ?? [], [], "provision creates no certificate");
  await mapLimit(things, 16, async (t) => {
    const thingName = t.thingName!;
    const shadows = await data.send(new ListNamedShadowsForThingCommand({ thingName }));
    assert.deepEqual(shadows.results, ["$package"], `named shadows of ${thingName}`);
    const principals = await iot.send(new ListThingPrincipalsCommand({ thingName }));
    assert.deepEqual(principals.principals ?? [], [], `principals of ${thingName}`);
  });
}
