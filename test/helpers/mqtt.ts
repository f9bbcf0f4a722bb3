/**
 * mqtt.js clients for broker tests: connect without reconnecting, and tell a CONNACK from a
 * connection the broker closed.
 */
import { randomUUID } from "node:crypto";
import {
  AttachPolicyCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  type IoTClient,
} from "@aws-sdk/client-iot";
import { connect, type IClientOptions, type MqttClient } from "mqtt";
import { topicMatchesFilter } from "../../src/sandbox/mqtt/topic-filter.js";

/** Resolves with the connected client; rejects when the broker closes or refuses the connection. */
export function connectMqtt(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = connect(url, { reconnectPeriod: 0, connectTimeout: 10_000, ...options });
    const fail = (err: Error) => {
      client.end(true);
      reject(err);
    };
    client.once("connect", () => resolve(client));
    client.once("error", fail);
    client.once("close", () => fail(new Error("connection closed before CONNACK")));
  });
}

export interface Received {
  topic: string;
  payload: string;
  qos: number;
}

/** Subscribes to `topic` (QoS as given); once subscribed, `next` is the next message on it. */
export async function subscribeTo(
  client: MqttClient,
  topic: string,
  qos: 0 | 1 = 0,
): Promise<{ next: Promise<Received> }> {
  const next = new Promise<Received>((resolve, reject) => {
    // A guard against a hang, not a timing assertion: a message that never comes fails the test.
    const guard = setTimeout(() => reject(new Error(`no message on ${topic}`)), 15_000);
    client.on("message", (t, payload, packet) => {
      if (!matches(topic, t)) return;
      clearTimeout(guard);
      resolve({ topic: t, payload: payload.toString("utf8"), qos: packet.qos });
    });
  });
  const granted = await client.subscribeAsync(topic, { qos });
  if (granted[0]?.qos !== qos) throw new Error(`subscription to ${topic} granted ${granted[0]?.qos}`);
  return { next };
}

/** MQTT topic filter matching, as the broker's delivery does it. */
export const matches = topicMatchesFilter;

/** Allows every IoT action on every resource (what broker tests use unless they test policies). */
export const ALLOW_ALL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "iot:*", Resource: "*" }],
});

export interface TestDevice {
  certificateId: string;
  certificateArn: string;
  cert: string;
  key: string;
}

/** A new certificate (ACTIVE unless told) with a new policy of this document attached (none for `null`). */
export async function newDevice(
  iot: IoTClient,
  {
    setAsActive = true,
    policyDocument = ALLOW_ALL,
  }: { setAsActive?: boolean; policyDocument?: string | null } = {},
): Promise<TestDevice> {
  const out = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive }));
  const device = {
    certificateId: out.certificateId ?? "",
    certificateArn: out.certificateArn ?? "",
    cert: out.certificatePem ?? "",
    key: out.keyPair?.PrivateKey ?? "",
  };
  if (policyDocument !== null) {
    const policyName = `test-${randomUUID()}`;
    await iot.send(new CreatePolicyCommand({ policyName, policyDocument }));
    await iot.send(new AttachPolicyCommand({ policyName, target: device.certificateArn }));
  }
  return device;
}
