import assert from "node:assert/strict";
import { X509Certificate, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect as tlsConnect } from "node:tls";
import { after, before, test } from "node:test";
import {
  AttachThingPrincipalCommand,
  CreateThingCommand,
  DeleteCertificateCommand,
  IoTClient,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";
import forge from "node-forge";
import { connectMqtt, newDevice as newTestDevice, subscribeTo, type TestDevice } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
let broker: { port: number; url: string; caFile?: string };
let ca: string;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  broker = await sb.mqtt();
  ca = readFileSync(broker.caFile ?? "", "utf8");
});
after(() => sb.dispose());

type Device = TestDevice;

const newDevice = (setAsActive = true) => newTestDevice(iot, { setAsActive });

const tlsOptions = (device: Device, clientId: string) => ({
  ca,
  cert: device.cert,
  key: device.key,
  clientId,
  rejectUnauthorized: true,
});

const setStatus = (certificateId: string, newStatus: "ACTIVE" | "INACTIVE" | "REVOKED") =>
  iot.send(new UpdateCertificateCommand({ certificateId, newStatus }));

/** Resolves when the broker accepts `device`, rejects when it closes the connection instead. */
async function tryConnect(device: Device, clientId: string): Promise<void> {
  const client = await connectMqtt(broker.url, tlsOptions(device, clientId));
  await client.endAsync();
}

/** AWS IoT closes a refused connection; it never answers a CONNACK with a refusal code. */
const closedWithoutConnack = (attempt: Promise<unknown>, message?: string) =>
  assert.rejects(attempt, (e: Error) => !/Connection refused/i.test(e.message), message);

test("status reports the broker as mqtts:// with the data directory's CA file", () => {
  assert.match(broker.url, /^mqtts:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(broker.caFile, `${sb.dataDir}/ca.pem`);
});

test("CRT-3 mutual TLS: an ACTIVE certificate connects; INACTIVE and REVOKED ones are refused without CONNACK", async () => {
  const device = await newDevice();
  await tryConnect(device, "status-device");
  await setStatus(device.certificateId, "INACTIVE");
  await closedWithoutConnack(tryConnect(device, "status-device"), "INACTIVE is refused");
  await setStatus(device.certificateId, "ACTIVE");
  await tryConnect(device, "status-device");
  await setStatus(device.certificateId, "REVOKED");
  await closedWithoutConnack(tryConnect(device, "status-device"), "REVOKED is refused");
});

test("CRT-1: a certificate created INACTIVE is refused until it is activated", async () => {
  const device = await newDevice(false);
  await closedWithoutConnack(tryConnect(device, "late-device"));
  await setStatus(device.certificateId, "ACTIVE");
  await tryConnect(device, "late-device");
});

test("CRT-4: a deleted certificate is refused", async () => {
  const device = await newDevice();
  await tryConnect(device, "deleted-device");
  await setStatus(device.certificateId, "INACTIVE");
  await iot.send(new DeleteCertificateCommand({ certificateId: device.certificateId, forceDelete: true }));
  await setStatus(device.certificateId, "ACTIVE").catch(() => undefined);
  await closedWithoutConnack(tryConnect(device, "deleted-device"));
});

test("a certificate of another CA, unknown to the sandbox, is refused; so is a client without a certificate", async () => {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }) as string);
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 3600_000);
  cert.setSubject([{ name: "commonName", value: "stranger" }]);
  cert.setIssuer([{ name: "commonName", value: "another CA" }]);
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const stranger = {
    certificateId: "",
    certificateArn: "",
    cert: forge.pki.certificateToPem(cert),
    key: keyPem,
  };
  await closedWithoutConnack(tryConnect(stranger, "stranger"));
  await assert.rejects(connectMqtt(broker.url, { ca, clientId: "anonymous", rejectUnauthorized: true }));
});

test("the broker's server certificate is signed by the sandbox CA for 127.0.0.1 and localhost; a client trusting another CA refuses it", async () => {
  const device = await newDevice();
  const peer = await new Promise<X509Certificate>((resolve, reject) => {
    const socket = tlsConnect(
      {
        host: "127.0.0.1",
        port: broker.port,
        servername: "localhost",
        ca,
        cert: device.cert,
        key: device.key,
      },
      () => {
        const cert = socket.getPeerX509Certificate();
        socket.destroy();
        if (cert) resolve(cert);
        else reject(new Error("no server certificate"));
      },
    );
    socket.once("error", reject);
  });
  assert.ok(peer.verify(new X509Certificate(ca).publicKey));
  assert.ok(peer.checkIP("127.0.0.1"));
  assert.ok(peer.checkHost("localhost"));
  const { url } = broker;
  await assert.rejects(
    connectMqtt(url, { cert: device.cert, key: device.key, clientId: "no-trust", rejectUnauthorized: true }),
    /self[- ]signed|unable to (get|verify)/i,
  );
});

test("MQTT-1: two devices exchange messages through the broker at QoS 0 and 1", async () => {
  const [a, b] = [await newDevice(), await newDevice()];
  const sender = await connectMqtt(broker.url, tlsOptions(a, "car-1"));
  const receiver = await connectMqtt(broker.url, tlsOptions(b, "car-2"));
  try {
    const telemetry = await subscribeTo(receiver, "fleet/car-1/telemetry", 0);
    await sender.publishAsync("fleet/car-1/telemetry", JSON.stringify({ speed: 42 }));
    assert.deepEqual(await telemetry.next, {
      topic: "fleet/car-1/telemetry",
      payload: '{"speed":42}',
      qos: 0,
    });
    const commands = await subscribeTo(receiver, "fleet/+/commands", 1);
    await sender.publishAsync("fleet/car-2/commands", "lock", { qos: 1 });
    assert.deepEqual(await commands.next, { topic: "fleet/car-2/commands", payload: "lock", qos: 1 });
  } finally {
    await sender.endAsync();
    await receiver.endAsync();
  }
});

test("MQTT over WebSocket: wss://…/mqtt on the broker's port with a device certificate, any other path refused", async () => {
  const [a, b] = [await newDevice(), await newDevice()];
  const wssUrl = `wss://127.0.0.1:${broker.port}/mqtt`;
  const sender = await connectMqtt(wssUrl, tlsOptions(a, "ws-car-1"));
  const receiver = await connectMqtt(broker.url, tlsOptions(b, "tls-car-2"));
  try {
    const inbox = await subscribeTo(receiver, "fleet/ws", 1);
    await sender.publishAsync("fleet/ws", "over websocket", { qos: 1 });
    assert.equal((await inbox.next).payload, "over websocket");
  } finally {
    await sender.endAsync();
    await receiver.endAsync();
  }
  await assert.rejects(connectMqtt(`wss://127.0.0.1:${broker.port}/other`, tlsOptions(a, "ws-lost")));
  await setStatus(a.certificateId, "INACTIVE");
  await assert.rejects(
    connectMqtt(wssUrl, tlsOptions(a, "ws-inactive")),
    "INACTIVE is refused over WebSocket too",
  );
});

test("MQTT 5 over mutual TLS: a v5 client subscribes and gets a publish with its v5 properties, and reserved topics answer it", async () => {
  const device = await newDevice();
  const thingName = `v5-car-${Date.now()}`;
  await iot.send(new CreateThingCommand({ thingName }));
  const v5 = await connectMqtt(broker.url, { ...tlsOptions(device, thingName), protocolVersion: 5 });
  try {
    const received = new Promise<{ payload: string; properties?: Record<string, unknown> }>((resolve) =>
      v5.once("message", (_topic, payload, packet) =>
        resolve({
          payload: payload.toString("utf8"),
          properties: packet.properties as Record<string, unknown>,
        }),
      ),
    );
    await v5.subscribeAsync("v5/demo", { qos: 1 });
    await v5.publishAsync("v5/demo", "five", {
      qos: 1,
      properties: { contentType: "text/plain", userProperties: { car: "v5" } },
    });
    const got = await received;
    assert.equal(got.payload, "five");
    assert.equal(got.properties?.contentType, "text/plain");
    assert.deepEqual({ ...(got.properties?.userProperties as object) }, { car: "v5" });
    const accepted = await subscribeTo(v5, `$aws/things/${thingName}/shadow/update/accepted`);
    await v5.publishAsync(
      `$aws/things/${thingName}/shadow/update`,
      JSON.stringify({ state: { reported: { v: 5 } } }),
    );
    assert.match((await accepted.next).payload, /"reported":\{"v":5\}/);
  } finally {
    await v5.endAsync();
  }
});

test("iot:Connect: a certificate without policies is refused without CONNACK; a Deny wins over an Allow", async () => {
  const bare = await newTestDevice(iot, { policyDocument: null });
  await closedWithoutConnack(tryConnect(bare, "no-policy"));
  const denied = await newTestDevice(iot, {
    policyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "iot:Connect", Resource: "*" },
        {
          Effect: "Deny",
          Action: "iot:Connect",
          Resource: `arn:aws:iot:${sb.region}:${sb.accountId}:client/blocked-*`,
        },
      ],
    }),
  });
  await tryConnect(denied, "allowed-1");
  await closedWithoutConnack(tryConnect(denied, "blocked-1"));
});

test("iot:Connect with ${iot:Connection.Thing.ThingName}: only as the thing attached to the certificate", async () => {
  const device = await newTestDevice(iot, {
    policyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "iot:Connect",
          Resource: `arn:aws:iot:${sb.region}:${sb.accountId}:client/\${iot:Connection.Thing.ThingName}`,
        },
      ],
    }),
  });
  await iot.send(new CreateThingCommand({ thingName: "policy-car" }));
  await iot.send(new CreateThingCommand({ thingName: "other-car" }));
  await closedWithoutConnack(tryConnect(device, "policy-car"), "not attached yet");
  await iot.send(
    new AttachThingPrincipalCommand({ thingName: "policy-car", principal: device.certificateArn }),
  );
  await tryConnect(device, "policy-car");
  await closedWithoutConnack(tryConnect(device, "other-car"), "a thing not attached to the certificate");
});
