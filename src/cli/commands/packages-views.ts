/** How `iotdm packages` shows the catalog, a device's versions and the configuration. */
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { columnWidths, tableRow } from "../../io/table.js";
import type { PackageDetails, PackageView, VersionDetails } from "../../workshop/packages/catalog.js";
import type { PackageConfiguration } from "../../workshop/packages/config.js";
import type { DeviceVersions } from "../../workshop/packages/devices.js";

/** A date as people read it (UTC, to the second), never raw epoch seconds. */
export const when = (d: Date | undefined): string =>
  d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "-";

function table(host: IoHost, header: string[], rows: string[][]): void {
  const widths = columnWidths([header, ...rows]);
  host.line("title", tableRow(header, widths));
  for (const r of rows) host.line("plain", tableRow(r, widths));
}

const HEADER = () => [
  t("packages.column.version"),
  t("packages.column.status"),
  t("packages.column.created"),
  t("packages.column.modified"),
];

export function showPackages(host: IoHost, packages: PackageView[]): void {
  if (packages.length === 0) {
    host.say("info", "packages.list.none");
    return;
  }
  host.say("step", "packages.list.found", { count: packages.length });
  table(
    host,
    [
      t("packages.column.package"),
      t("packages.column.default"),
      t("packages.column.created"),
      t("packages.column.modified"),
    ],
    packages.map((p) => [p.name, p.defaultVersion ?? "-", when(p.created), when(p.modified)]),
  );
}

export function showPackage(host: IoHost, p: PackageDetails): void {
  host.say("step", "packages.describe.title", { name: p.name });
  host.say("plain", "packages.describe.summary", {
    arn: p.arn ?? "-",
    description: p.description || "-",
    default: p.defaultVersion ?? "-",
    created: when(p.created),
    modified: when(p.modified),
  });
  if (p.versions.length === 0) {
    host.say("info", "packages.describe.noVersions");
    return;
  }
  host.say("plain", "packages.describe.versions", { count: p.versions.length });
  table(
    host,
    HEADER(),
    p.versions.map((v) => [
      v.version === p.defaultVersion ? `${v.version} *` : v.version,
      v.status,
      when(v.created),
      when(v.modified),
    ]),
  );
}

const location = (l: { bucket?: string; key?: string; version?: string } | undefined) =>
  l ? `s3://${l.bucket ?? ""}/${l.key ?? ""}${l.version ? ` (version ${l.version})` : ""}` : "-";

export function showVersion(host: IoHost, v: VersionDetails): void {
  host.say("step", "packages.version.title", { name: v.packageName, version: v.version });
  host.say("plain", "packages.version.summary", {
    arn: v.arn ?? "-",
    status: v.status,
    description: v.description || "-",
    artifact: location(v.artifact),
    created: when(v.created),
    modified: when(v.modified),
  });
  const attributes = Object.entries(v.attributes);
  host.say("plain", "packages.version.attributes", { count: attributes.length });
  for (const [k, value] of attributes) host.line("detail", `    ${k} = ${value}`);
  if (v.sbom)
    host.say("plain", "packages.version.sbom", {
      location: location(v.sbom),
      status: v.sbomValidationStatus ?? "-",
    });
  else host.say("detail", "packages.version.noSbom");
  if (v.recipe) host.say("plain", "packages.version.recipe", { recipe: v.recipe });
  if (v.errorReason) host.say("warn", "packages.version.error", { reason: v.errorReason });
}

export function showDevice(host: IoHost, d: DeviceVersions): void {
  if (!d.found) {
    host.say("warn", "packages.device.none", { thing: d.thingName });
    return;
  }
  host.say("step", "packages.device.title", {
    thing: d.thingName,
    version: d.shadowVersion ?? "-",
    read: when(d.readAt),
  });
  if (d.packages.length === 0) host.say("info", "packages.device.empty");
  for (const p of d.packages) {
    const vars = { package: p.name, version: p.version ?? "-", reported: when(p.reportedAt) };
    host.say("plain", p.reportedAt ? "packages.device.line" : "packages.device.lineUndated", vars);
    for (const [k, value] of Object.entries(p.attributes)) host.line("detail", `      ${k} = ${value}`);
  }
}

export function showConfiguration(host: IoHost, c: PackageConfiguration): void {
  host.say(c.enabled ? "success" : "warn", c.enabled ? "packages.config.on" : "packages.config.off", {
    role: c.roleArn ?? "-",
  });
}
