/**
 * Interoperability with Debian's mosquitto-clients (issue 10, Tests): mosquitto_pub and
 * mosquitto_sub connect to the broker with a device certificate from CreateKeysAndCertificate,
 * verifying the broker against the data directory's CA. Skipped when the binaries are missing.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { IoTClient } from "@aws-sdk/client-iot";
import { connectMqtt, newDevice, subscribeTo } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

const run = promisify(execFile);

function installed(binary: string): boolean {
  try {
    execFileSync("which", [binary], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const missing = ["mosquitto_pub", "mosquitto_sub"].filter((b) => !installed(b));
const skip =
  missing.length > 0 ? `${missing.join(" and ")} not installed (apt-get install mosquitto-clients)` : false;

let sb: TestSandbox;
let files: string;
before(async () => {
  if (skip) return;
  sb = await startSandbox();
  files = mkdtempSync(join(tmpdir(), "iotdm-mosquitto-"));
});
after(async () => {
  if (skip) return;
  await sb.dispose();
  rmSync(files, { recursive: true, force: true });
});

test(
  "mosquitto_pub and mosquitto_sub talk to the broker over mutual TLS with a thing's certificate",
  { skip },
  async () => {
    const iot = new IoTClient(sb.config);
    const device = await newDevice(iot);
    writeFileSync(join(files, "device.pem"), device.cert);
    writeFileSync(join(files, "device.key"), device.key, { mode: 0o600 });
    const broker = await sb.mqtt();
    const tls = (clientId: string) => [
      ...["-h", "127.0.0.1", "-p", String(broker.port), "-V", "mqttv311", "-i", clientId],
      ...[
        "--cafile",
        broker.caFile ?? "",
        "--cert",
        join(files, "device.pem"),
        "--key",
        join(files, "device.key"),
      ],
    ];
    const js = await connectMqtt(broker.url, {
      ca: readFileSync(broker.caFile ?? ""),
      cert: device.cert,
      key: device.key,
      clientId: "mqttjs-peer",
      rejectUnauthorized: true,
    });
    try {
      const inbox = await subscribeTo(js, "interop/from-mosquitto", 1);
      await run("mosquitto_pub", [
        ...tls("mosquitto-pub"),
        "-q",
        "1",
        "-t",
        "interop/from-mosquitto",
        "-m",
        "hi",
      ]);
      assert.equal((await inbox.next).payload, "hi");
      // Retained, so mosquitto_sub gets it whenever its subscription lands.
      await js.publishAsync("interop/to-mosquitto", "hello mosquitto", { qos: 1, retain: true });
      const sub = await run("mosquitto_sub", [
        ...tls("mosquitto-sub"),
        "-t",
        "interop/to-mosquitto",
        "-C",
        "1",
        "-W",
        "20",
      ]);
      assert.equal(sub.stdout.trim(), "hello mosquitto");
    } finally {
      await js.endAsync();
    }
  },
);
