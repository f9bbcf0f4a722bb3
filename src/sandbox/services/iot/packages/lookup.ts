/**
 * What other IoT areas ask the package catalog (jobs: JOB-3 destination versions, PKG-7 `$package`
 * shadow updates), by account and region, without going through HTTP.
 */
import type { Store } from "../../../storage/store.js";
import { KIND } from "../common.js";
import {
  PACKAGE_CONFIGURATION_ID,
  type PackageConfigurationDoc,
  type PackageDoc,
  type PackageVersionDoc,
} from "./helpers.js";

const scope = (accountId: string, region: string) => `${accountId}:${region}`;

/** PKG-5: the stored configuration, `{ enabled: false }` until set. */
export function packageConfiguration(
  store: Store,
  accountId: string,
  region: string,
): PackageConfigurationDoc {
  return (
    store
      .collection<PackageConfigurationDoc>(scope(accountId, region), KIND.settings)
      .get(PACKAGE_CONFIGURATION_ID) ?? {
      enabled: false,
    }
  );
}

export function findPackage(
  store: Store,
  accountId: string,
  region: string,
  name: string,
): PackageDoc | undefined {
  return store.collection<PackageDoc>(scope(accountId, region), KIND.package).get(name);
}

/** A package version; `$default` resolves through the package's defaultVersionName (JOB-3). */
export function findPackageVersion(
  store: Store,
  accountId: string,
  region: string,
  name: string,
  version: string,
): PackageVersionDoc | undefined {
  const resolved =
    version === "$default" ? findPackage(store, accountId, region, name)?.defaultVersionName : version;
  if (resolved === undefined) return undefined;
  return store
    .collection<PackageVersionDoc>(scope(accountId, region), KIND.packageVersion)
    .get(`${name}/${resolved}`);
}

export type { PackageConfigurationDoc, PackageDoc, PackageVersionDoc };
