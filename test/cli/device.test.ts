/**
 * `iotdm device` (issue 10 item 7) as a user runs it, against a real sandbox with mutual TLS:
 * each vehicle gets its own certificate from a CSR made in-process, attached to its thing with
 * the least-privilege device policy, connects with its thing name as client id, and disconnects
 * at the end of the run; a second run reuses the certificates kept (mode 0600) for the target.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreateThingCommand,
  DescribeCertificateCommand,
  GetPolicyCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListCertificatesCommand,
  ListThingPrincipalsCommand,
} from "@aws-sdk/client-iot";
import { DEVICE_POLICY_NAME } from "../../src/workshop/device/policy.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { CLI, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

const home = isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const THINGS = ["car-device-1", "car-device-2"];

interface DeviceJson {
  ok: boolean;
  devices: number;
  connected: number;
  certificatesIssued: number;
  endpoint: string;
}

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  for (const thingName of THINGS) await iot.send(new CreateThingCommand({ thingName }));
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

const runDevices = () =>
  runRecorded(["--json", "--yes", "device", "--things", THINGS.join(","), "--duration", "0", ...target(sb)]);

test("iotdm device: each vehicle connects over mutual TLS with its own certificate, attached to its thing with the device policy", async () => {
  const run = await runDevices();
  assert.equal(run.code, 0, run.host.stderrText);
  const report = JSON.parse(run.host.stdoutText) as DeviceJson;
  const broker = await sb.mqtt();
  assert.deepEqual(
    {
      ok: report.ok,
      devices: report.devices,
      connected: report.connected,
      issued: report.certificatesIssued,
    },
    { ok: true, devices: 2, connected: 2, issued: 2 },
  );
  assert.equal(report.endpoint, broker.url);
  for (const thingName of THINGS) {
    const principals = (await iot.send(new ListThingPrincipalsCommand({ thingName }))).principals ?? [];
    assert.equal(principals.length, 1, `${thingName} has one certificate`);
    const certificateId = principals[0]?.split("/").pop() ?? "";
    const cert = await iot.send(new DescribeCertificateCommand({ certificateId }));
    assert.equal(cert.certificateDescription?.status, "ACTIVE");
    assert.match(cert.certificateDescription?.certificatePem ?? "", /BEGIN CERTIFICATE/);
    const attached = await iot.send(new ListAttachedPoliciesCommand({ target: principals[0] }));
    assert.deepEqual(
      attached.policies?.map((p) => p.policyName),
      [DEVICE_POLICY_NAME],
    );
  }
  const policy = await iot.send(new GetPolicyCommand({ policyName: DEVICE_POLICY_NAME }));
  const statements = (
    JSON.parse(policy.policyDocument ?? "{}") as { Statement: Array<{ Resource: unknown }> }
  ).Statement;
  for (const s of statements)
    for (const resource of [s.Resource].flat())
      assert.match(
        String(resource),
        /\$\{iot:Connection\.Thing\.ThingName\}/,
        "every resource is the device's own",
      );
});

test("iotdm device: a second run reuses the kept certificates; the key ring is readable by the user only", async () => {
  const run = await runDevices();
  assert.equal(run.code, 0, run.host.stderrText);
  const report = JSON.parse(run.host.stdoutText) as DeviceJson;
  assert.equal(report.connected, 2);
  assert.equal(report.certificatesIssued, 0);
  const dir = join(home, "devices");
  const files = readdirSync(dir);
  assert.equal(files.length, 1);
  assert.equal(statSync(join(dir, files[0] as string)).mode & 0o777, 0o600);
});

test("iotdm device: a thing that does not exist is refused before anything is issued", async () => {
  const run = await runRecorded([
    "--json",
    "--yes",
    "device",
    "--things",
    "no-such-car",
    "--duration",
    "0",
    ...target(sb),
  ]);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.host.stdoutText) as {
    ok: boolean;
    error?: { code: string; message: string };
  };
  assert.equal(report.ok, false);
  assert.equal(report.error?.code, "ResourceNotFoundException");
  assert.match(report.error?.message ?? "", /no-such-car/);
  const certificates = await iot.send(new ListCertificatesCommand({}));
  assert.equal(
    certificates.certificates?.length,
    2,
    "no certificate is issued for a thing that does not exist",
  );
});

test("iotdm device without --duration runs until Ctrl-C, then every vehicle disconnects and the run ends with its summary (exit 0)", async () => {
  const child = spawn(process.execPath, [CLI, "--yes", "device", "--things", THINGS[0], ...target(sb)], {
    env: { ...process.env, NO_COLOR: "1", AWS_IOT_LANG: "en" },
  });
  let stdout = "";
  let sent = false;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
    if (!sent && /1 of 1 vehicle connected/.test(stdout)) {
      sent = true;
      child.kill("SIGINT");
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(code, 0, stdout);
  assert.match(stdout, /🏁 1\/1 vehicles ran for/);
});
