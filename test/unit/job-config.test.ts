/**
 * create-job's requests (features.md 6.4-6.5 with the quirks' intent): the OTA document, ids that
 * CreateJob accepts whatever the package is called, advanced settings in the shapes JOB-2
 * accepts (Q-25: exponential rollout always carries its increase criteria), ranges checked.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  advancedConfig,
  createJobRequest,
  customDocument,
  documentProblem,
  inRange,
  JOB_ID,
  otaDocument,
  suggestedJobId,
} from "../../src/workshop/jobs/config.js";

test("the OTA document names the package version's attributes and presigned artifact (features.md 6.4)", () => {
  assert.deepEqual(otaDocument("SedanVehicle", "1.1.0"), {
    ota: {
      packages: {
        SedanVehicle: {
          attributes: "${aws:iot:package:SedanVehicle:version:1.1.0:attributes}",
          artifact: {
            s3PresignedUrl: "${aws:iot:package:SedanVehicle:version:1.1.0:artifact:s3-presigned-url}",
          },
        },
      },
    },
  });
  assert.equal((customDocument("reboot") as { operation: string }).operation, "reboot");
});

test("JOB-1: suggested ids are valid job ids, keep the package's capitals and fit in 64 characters", () => {
  assert.equal(
    suggestedJobId("ota", 1733000000.7, "SedanVehicle", "1.1.0"),
    "upgradeSedanVehicle110_1733000000",
  );
  assert.equal(suggestedJobId("custom", 1733000000), "customJob_1733000000");
  const long = suggestedJobId("ota", 1733000000, `pkg.with.dots${"x".repeat(100)}`, "2.0.0-beta+1");
  assert.match(long, JOB_ID);
  assert.ok(long.endsWith("_1733000000"));
  assert.match(suggestedJobId("ota", 1, "a.b", "1.0"), /^upgradeAb10_1$/);
});

test("documents: JSON objects up to 32,768 characters (JOB-1)", () => {
  assert.equal(documentProblem('{"a":1}'), undefined);
  assert.equal(documentProblem("{nope"), "notJson");
  assert.equal(documentProblem("[1,2]"), "notObject");
  assert.equal(documentProblem("null"), "notObject");
  assert.equal(documentProblem(JSON.stringify({ a: "x".repeat(32_768) })), "tooLong");
});

test("JOB-2 ranges: whole numbers where AWS wants them, bounds inclusive, nothing silently defaulted", () => {
  assert.equal(inRange("maxPerMinute", "1000"), 1000);
  assert.equal(inRange("maxPerMinute", "1001"), undefined);
  assert.equal(inRange("maxPerMinute", "0"), undefined);
  assert.equal(inRange("maxPerMinute", "2.5"), undefined);
  assert.equal(inRange("incrementFactor", "1.1"), 1.1);
  assert.equal(inRange("incrementFactor", "1.05"), undefined);
  assert.equal(inRange("incrementFactor", "nan"), undefined);
  assert.equal(inRange("thresholdPercent", "12.5"), 12.5);
  assert.equal(inRange("timeoutMinutes", "10080"), 10080);
  assert.equal(inRange("timeoutMinutes", "10081"), undefined);
  assert.equal(inRange("retries", "0"), 0);
  assert.equal(inRange("retries", ""), undefined);
});

test("Q-25: an exponential rollout carries rateIncreaseCriteria; abort, timeout and retry in AWS's shapes", () => {
  const cfg = advancedConfig({
    targetSelection: "SNAPSHOT",
    rollout: { kind: "exponential", baseRatePerMinute: 10, incrementFactor: 2, notifiedThings: 10 },
    abort: { failureType: "FAILED", thresholdPercent: 10, minExecuted: 5 },
    timeoutMinutes: 60,
    retry: { failureType: "TIMED_OUT", retries: 2 },
  });
  assert.deepEqual(cfg, {
    targetSelection: "SNAPSHOT",
    jobExecutionsRolloutConfig: {
      exponentialRate: {
        baseRatePerMinute: 10,
        incrementFactor: 2,
        rateIncreaseCriteria: { numberOfNotifiedThings: 10 },
      },
    },
    abortConfig: {
      criteriaList: [
        { failureType: "FAILED", action: "CANCEL", thresholdPercentage: 10, minNumberOfExecutedThings: 5 },
      ],
    },
    timeoutConfig: { inProgressTimeoutInMinutes: 60 },
    jobExecutionsRetryConfig: { criteriaList: [{ failureType: "TIMED_OUT", numberOfRetries: 2 }] },
  });
  assert.deepEqual(
    advancedConfig({ targetSelection: "CONTINUOUS", rollout: { kind: "rate", maxPerMinute: 50 } }),
    {
      targetSelection: "CONTINUOUS",
      jobExecutionsRolloutConfig: { maximumPerMinute: 50 },
    },
  );
});

test("the CreateJob request of an OTA plan: group ARNs, the package version, presigned URLs by the jobs role, tags", () => {
  const req = createJobRequest(
    {
      jobId: "j1",
      kind: "ota",
      description: "OTA job for US_Fleet",
      groups: ["US_Fleet", "CA_Fleet"],
      packageName: "SedanVehicle",
      version: "1.1.0",
      document: JSON.stringify(otaDocument("SedanVehicle", "1.1.0")),
      advanced: { targetSelection: "CONTINUOUS" },
    },
    { accountId: "123456789012", region: "eu-west-1", presignRoleArn: "arn:aws:iam::123456789012:role/R" },
    [{ Key: "workshop", Value: "x" }],
  );
  assert.deepEqual(req.targets, [
    "arn:aws:iot:eu-west-1:123456789012:thinggroup/US_Fleet",
    "arn:aws:iot:eu-west-1:123456789012:thinggroup/CA_Fleet",
  ]);
  assert.deepEqual(req.destinationPackageVersions, [
    "arn:aws:iot:eu-west-1:123456789012:package/SedanVehicle/version/1.1.0",
  ]);
  assert.deepEqual(req.presignedUrlConfig, {
    roleArn: "arn:aws:iam::123456789012:role/R",
    expiresInSec: 3600,
  });
  assert.equal(req.targetSelection, "CONTINUOUS");
  assert.deepEqual(req.tags, [{ Key: "workshop", Value: "x" }]);

  const custom = createJobRequest(
    {
      jobId: "c1",
      kind: "custom",
      description: "d",
      groups: ["G"],
      document: "{}",
      advanced: { targetSelection: "SNAPSHOT" },
    },
    { accountId: "123456789012", region: "us-east-1", presignRoleArn: "r" },
    [],
  );
  assert.equal(custom.destinationPackageVersions, undefined);
  assert.equal(custom.presignedUrlConfig, undefined);
});
