/**
 * Item 7 of issue 7, in process: an endpoint that answers as an iotdm sandbox is that sandbox
 * (labelled so, paced only when its throttle is on, its clock used for the thing type rule),
 * the probe after `eval "$(iotdm sandbox env)"`, and which selection wins:
 * --sandbox-port/--sandbox-dir over the environment, IOTDM_SANDBOX_PORT/DIR over
 * AWS_ENDPOINT_URL.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTClient, ListThingTypesCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment, withEnv, words } from "../helpers/cli-env.js";
import { type RecordingHost, runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, freePort, startSandbox } from "../helpers/sandbox.js";

isolateCliEnvironment();

let sb: TestSandbox;
let throttled: TestSandbox;
before(async () => {
  sb = await startSandbox();
  throttled = await startSandbox({ args: ["--throttle", "aws"] });
});
after(async () => {
  await sb.dispose();
  await throttled.dispose();
});

/** The variables `iotdm sandbox env` prints for this sandbox. */
const sandboxEnv = (s: TestSandbox) => s.env;

interface Report {
  target: string;
  paced: boolean;
  clockAdvancedSeconds?: number;
  waitedSeconds?: number;
  things?: { created: number };
  totals?: { failed: number };
}

const report = (host: RecordingHost) => host.results[0] as Report;

async function clockOffset(s: TestSandbox): Promise<number> {
  const res = await fetch(`${s.endpoint}/_iotdm/health`);
  return ((await res.json()) as { clockOffsetSeconds: number }).clockOffsetSeconds;
}

test("the issue's probe: after `eval $(iotdm sandbox env)` provision runs unpaced on a sandbox target, and cleanup deletes the thing types under the sandbox clock it advanced (TTY-4), not by waiting", async () => {
  const offsetBefore = await clockOffset(sb);
  await withEnv(sandboxEnv(sb), async () => {
    const p = await runRecorded(["--yes", "--json", "provision", "--count", "30", "--things-prefix", "Env-"]);
    assert.equal(p.code, 0, p.host.stderrText);
    assert.equal(report(p.host).target, `sandbox ${sb.endpoint}`);
    assert.equal(report(p.host).paced, false);
    assert.equal(p.host.saidWith("target.summary")[0].vars.pacing, t("target.unpaced"));
    assert.equal(report(p.host).things?.created, 30);

    const c = await runRecorded(["--yes", "--json", "cleanup", "--things-prefix", "Env-"]);
    assert.equal(c.code, 0, c.host.stderrText);
    const cleaned = report(c.host);
    assert.equal(cleaned.target, `sandbox ${sb.endpoint}`);
    assert.equal(cleaned.paced, false);
    assert.equal(cleaned.totals?.failed, 0);
    assert.equal(cleaned.waitedSeconds, 0, "no real waiting on a sandbox whose clock this machine may move");
    assert.ok((cleaned.clockAdvancedSeconds ?? 0) >= 300, `clock advanced ${cleaned.clockAdvancedSeconds} s`);
  });
  assert.ok((await clockOffset(sb)) - offsetBefore >= 300, "the sandbox clock itself moved");
  const iot = new IoTClient(sb.config);
  assert.deepEqual((await iot.send(new ListThingTypesCommand({}))).thingTypes, []);
  assert.deepEqual((await iot.send(new ListThingsCommand({}))).things, []);
  iot.destroy();
});

test("an endpoint (flag) that is a sandbox with --throttle aws is labelled a sandbox and paced", async () => {
  await withEnv(sandboxEnv(throttled), async () => {
    const r = await runRecorded(
      words(`--json cleanup --dry-run --scope all --endpoint-url ${throttled.endpoint}`),
    );
    assert.equal(r.code, 0, r.host.stderrText);
    assert.equal(report(r.host).target, `sandbox ${throttled.endpoint}`);
    assert.equal(report(r.host).paced, true);
    assert.equal(r.host.saidWith("target.summary")[0].vars.pacing, t("target.paced"));
  });
});

test("--sandbox-port/--sandbox-dir win over AWS_ENDPOINT_URL", async () => {
  await withEnv({ ...sandboxEnv(throttled) }, async () => {
    const r = await runRecorded(
      words(`--json cleanup --dry-run --scope things --sandbox-port ${sb.port} --sandbox-dir ${sb.dataDir}`),
    );
    assert.equal(r.code, 0, r.host.stderrText);
    assert.equal(report(r.host).target, `sandbox ${sb.endpoint}`);
  });
});

test("IOTDM_SANDBOX_PORT and IOTDM_SANDBOX_DIR select the instance, over AWS_ENDPOINT_URL", async () => {
  await withEnv(
    { ...sandboxEnv(throttled), IOTDM_SANDBOX_PORT: String(sb.port), IOTDM_SANDBOX_DIR: sb.dataDir },
    async () => {
      const r = await runRecorded(["--json", "cleanup", "--dry-run", "--scope", "things"]);
      assert.equal(r.code, 0, r.host.stderrText);
      assert.equal(report(r.host).target, `sandbox ${sb.endpoint}`);
    },
  );
});

test("an unusable IOTDM_SANDBOX_PORT is a usage error naming the variable", async () => {
  await withEnv({ IOTDM_SANDBOX_PORT: "port" }, async () => {
    const r = await runRecorded(["cleanup", "--dry-run", "--scope", "things"]);
    assert.equal(r.code, 2);
    assert.match(r.host.stderrText, /IOTDM_SANDBOX_PORT: port is not a TCP port number/);
  });
});

test("--aws with --sandbox-port is a usage error: one target at a time", async () => {
  const r = await runRecorded(["cleanup", "--dry-run", "--aws", "--sandbox-port", String(sb.port)]);
  assert.equal(r.code, 2);
  assert.match(r.host.stderrText, /--aws, --sandbox-port\/--sandbox-dir exclude each other/);
});

test("an endpoint that does not answer fails fast with one explained line (exit 1), not the SDK's retries", async () => {
  const closed = await freePort();
  await withEnv(sandboxEnv(sb), async () => {
    const r = await runRecorded(
      words(`--json dynamic-groups list --endpoint-url http://127.0.0.1:${closed}`),
    );
    assert.equal(r.code, 1);
    const out = JSON.parse(r.host.stdoutText) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(out.ok, false);
    assert.equal(out.error.code, "TargetUnreachable");
    assert.match(out.error.message, new RegExp(`endpoint http://127\\.0\\.0\\.1:${closed} did not answer`));
  });
});

test("an endpoint with no credentials to sign with is explained as that (exit 1), not as an endpoint that did not answer", async () => {
  const closed = await freePort();
  const r = await runRecorded(
    words(`--json dynamic-groups list --region us-east-1 --endpoint-url http://127.0.0.1:${closed}`),
  );
  assert.equal(r.code, 1, r.host.stderrText);
  const out = JSON.parse(r.host.stdoutText) as { ok: boolean; error: { code: string; message: string } };
  assert.equal(out.error.code, "NoCredentials");
  const [before, after] = t("target.noCredentials", {
    target: `endpoint http://127.0.0.1:${closed}`,
    message: "\0",
  }).split("\0");
  assert.ok(out.error.message.startsWith(before) && out.error.message.endsWith(after), out.error.message);
});
