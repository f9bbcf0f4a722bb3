/** Sandbox settings for unit tests that build sandbox parts in-process (no server). */
import type { SandboxSettings } from "../../src/sandbox/settings.js";

export const testSettings = (dataDir: string, overrides: Partial<SandboxSettings> = {}): SandboxSettings => ({
  host: "127.0.0.1",
  port: 5566,
  dataDir,
  accountId: "123456789012",
  region: "us-east-1",
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "secret",
  auth: true,
  throttle: "off",
  failRate: 0,
  thingTypeDeletionDelaySeconds: 300,
  ...overrides,
});
