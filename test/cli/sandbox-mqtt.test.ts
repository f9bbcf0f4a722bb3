/**
 * Issue 10 item 1 in the CLI: `sandbox status` and `sandbox env` tell MQTT clients where the
 * broker is and which CA to trust; `--mqtt-port` chooses its port.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { IoTClient } from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { findRunning, instanceRef, stopInstance } from "../../src/sandbox/control.js";
import { isolateCliEnvironment, words } from "../helpers/cli-env.js";
import { connectMqtt, newDevice } from "../helpers/mqtt.js";
import { runRecorded } from "../helpers/recording-host.js";
import { freePort, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";
import { readFileSync } from "node:fs";

const home = isolateCliEnvironment();

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

test("sandbox status prints the broker's URL and CA file; --json has mqtt {url, caFile}", async () => {
  const broker = await sb.mqtt();
  const text = await runRecorded(["sandbox", "status", ...target(sb)]);
  assert.equal(text.code, 0, text.host.stderrText);
  assert.deepEqual(text.host.varsOf("sandbox.mqttLine"), [{ url: broker.url, caFile: broker.caFile }]);
  const json = await runRecorded(["--json", "sandbox", "status", ...target(sb)]);
  const status = JSON.parse(json.host.stdoutText) as { mqtt?: unknown };
  assert.deepEqual(status.mqtt, { url: broker.url, caFile: join(sb.dataDir, "ca.pem") });
});

test("sandbox env exports IOTDM_MQTT_URL and IOTDM_CA_FILE, with which a device certificate connects", async () => {
  const r = await runRecorded(["sandbox", "env", ...target(sb)]);
  assert.equal(r.code, 0, r.host.stderrText);
  const vars = Object.fromEntries(
    r.host.stdoutText
      .trim()
      .split("\n")
      .map((line) => /^export ([A-Z_]+)=(.*)$/.exec(line)?.slice(1, 3) ?? ["", ""]),
  );
  const broker = await sb.mqtt();
  assert.equal(vars.IOTDM_MQTT_URL, broker.url);
  assert.equal(vars.IOTDM_CA_FILE, join(sb.dataDir, "ca.pem"));
  const device = await newDevice(new IoTClient(sb.config));
  const client = await connectMqtt(vars.IOTDM_MQTT_URL, {
    ca: readFileSync(vars.IOTDM_CA_FILE),
    cert: device.cert,
    key: device.key,
    clientId: "from-env",
    rejectUnauthorized: true,
  });
  await client.endAsync();
});

test("sandbox start --mqtt-port puts the broker on that port; a port that is not a number is a usage error", async () => {
  const [port, mqttPort] = [await freePort(), await freePort()];
  const dir = join(home, "mqtt-port");
  try {
    const r = await runRecorded(
      words(`sandbox start --mqtt-port ${mqttPort} --sandbox-port ${port} --sandbox-dir ${dir}`),
    );
    assert.equal(r.code, 0, r.host.stderrText);
    const running = await findRunning(instanceRef({ port, dataDir: dir }));
    assert.equal(running?.mqtt?.url, `mqtts://127.0.0.1:${mqttPort}`);
    assert.deepEqual(r.host.varsOf("sandbox.mqttLine"), [
      { url: running?.mqtt?.url, caFile: join(dir, "ca.pem") },
    ]);
  } finally {
    await stopInstance(instanceRef({ port, dataDir: dir }));
  }
  const bad = await runRecorded(
    words(`sandbox start --mqtt-port abc --sandbox-port ${port} --sandbox-dir ${dir}`),
  );
  assert.equal(bad.code, 2);
  assert.ok(bad.host.stderrText.includes(t("sandbox.badMqttPort")), bad.host.stderrText);
});
