/**
 * Where a target's devices connect over MQTT. A sandbox says so itself (its control API: the
 * broker's URL and, with mutual TLS, the CA to trust); AWS answers DescribeEndpoint(iot:Data-ATS),
 * reached on port 8883 with mutual TLS and the system's trust store (Amazon Root CA 1 is in it).
 */
import { readFileSync } from "node:fs";
import { DescribeEndpointCommand } from "@aws-sdk/client-iot";
import { findRunning } from "../sandbox/control.js";
import type { AwsSession } from "./session.js";

export interface MqttEndpoint {
  /** `mqtts://host:port` (mutual TLS) or `mqtt://host:port` (a sandbox run with --no-auth). */
  url: string;
  /** The CA certificate (PEM) to trust instead of the system's; undefined for AWS. */
  caPem?: string;
}

/** AWS IoT's MQTT port with X.509 client certificates. */
const AWS_MQTT_PORT = 8883;

export async function mqttEndpointOf(session: AwsSession): Promise<MqttEndpoint | undefined> {
  const { target } = session;
  if (target.kind === "sandbox") {
    const mqtt = (await findRunning(target.instance))?.mqtt;
    if (!mqtt) return undefined;
    return { url: mqtt.url, ...(mqtt.caFile ? { caPem: readFileSync(mqtt.caFile, "utf8") } : {}) };
  }
  const answer = await session.clients.iot.send(
    new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }),
  );
  return answer.endpointAddress ? { url: `mqtts://${answer.endpointAddress}:${AWS_MQTT_PORT}` } : undefined;
}
