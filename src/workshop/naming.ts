/**
 * Names of everything the workshop creates, and the patterns cleanup recognises them by.
 * One module for both, so cleanup's naming fallback matches exactly what provision makes
 * (features.md Decisions; quirks of the reference are not repeated).
 */
import { escapeRegExp } from "../common/regexp.js";

export const DEFAULT_THINGS_PREFIX = "Vehicle-VIN-";
export const DEFAULT_THING_TYPES = ["SedanVehicle", "SUVVehicle", "TruckVehicle"];
export const DEFAULT_VERSIONS = ["1.0.0", "1.1.0"];

const PREFIX_PATTERN = /^[A-Za-z0-9_:-]+$/;
export const MAX_PREFIX_LENGTH = 20;

/** Why a things prefix is refused, or undefined when valid. */
export function prefixProblem(prefix: string): "empty" | "tooLong" | "characters" | undefined {
  if (prefix.length === 0) return "empty";
  if (prefix.length > MAX_PREFIX_LENGTH) return "tooLong";
  if (!PREFIX_PATTERN.test(prefix)) return "characters";
  return undefined;
}

/** Zero-padded to at least 3 digits, wider when the fleet needs it (no 999 limit, Q-08). */
export function padWidth(count: number): number {
  return Math.max(3, String(count).length);
}

export function thingName(prefix: string, index: number, count: number): string {
  return `${prefix}${String(index).padStart(padWidth(count), "0")}`;
}

/** Things iotdm created with this prefix: prefix + 3 or more digits. */
export function thingNamePattern(prefix: string): RegExp {
  return new RegExp(`^${escapeRegExp(prefix)}\\d{3,}$`);
}

export const countryGroupName = (country: string): string => `${country}_Fleet`;
export const COUNTRY_GROUP_PATTERN = /^[A-Z]{2}_Fleet$/;

export const firmwareBucketPrefix = (region: string): string => `iot-firmware-${region}`;
export const firmwareBucketName = (region: string, unixSeconds: number): string =>
  `${firmwareBucketPrefix(region)}-${unixSeconds}`;
export const firmwareBucketPattern = (region: string): RegExp =>
  new RegExp(`^${escapeRegExp(firmwareBucketPrefix(region))}-\\d+$`);

/** `<Type>_v1_0_0.zip` (names sanitised to S3-safe characters). */
export function firmwareKey(thingType: string, version: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
  return `${safe(thingType)}_v${safe(version.replaceAll(".", "_"))}.zip`;
}

const acct8 = (accountId: string) => accountId.slice(0, 8);
export const loggingRoleName = (region: string, accountId: string) =>
  `IoTLoggingRole-${region}-${acct8(accountId)}`;
export const jobsRoleName = (region: string, accountId: string) =>
  `IoTJobsRole-${region}-${acct8(accountId)}`;
export const packageConfigRoleName = (region: string, accountId: string) =>
  `IoTPackageConfigRole-${region}-${acct8(accountId)}`;
export const LOGGING_POLICY_NAME = "IoTLoggingPolicy";
export const JOBS_POLICY_NAME = "IoTJobsS3Policy";
export const PACKAGE_CONFIG_POLICY_NAME = "PackageConfigPolicy";

/** Every role name iotdm may have created in this account and region (cleanup candidates). */
export function workshopRoleNames(region: string, accountId: string): string[] {
  return [
    loggingRoleName(region, accountId),
    jobsRoleName(region, accountId),
    packageConfigRoleName(region, accountId),
  ];
}
