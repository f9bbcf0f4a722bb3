/** How the broker's refusals look to an mqtt.js client: a closed connection, SUBACK failure codes. */
import type { MqttClient } from "mqtt";

/** Resolves once the connection is closed (guarded: a connection that stays open fails the test). */
export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    if (client.disconnected || !client.connected) return resolve();
    const guard = setTimeout(() => reject(new Error("the connection stayed open")), 15_000);
    client.once("close", () => {
      clearTimeout(guard);
      resolve();
    });
  });
}

/** Publishes at QoS 1 and resolves once the broker has closed the connection for it. */
export async function publishCloses(
  client: MqttClient,
  topic: string,
  payload: Buffer | string = "m",
): Promise<void> {
  const gone = closed(client);
  client.publish(topic, payload, { qos: 1 });
  await gone;
}

type Granted = Array<number | { qos: number }>;
const codes = (granted: Granted) => granted.map((g) => (typeof g === "number" ? g : g.qos));

/** The SUBACK codes of one SUBSCRIBE (mqtt.js rejects a failure code, with the SUBACK attached). */
export async function subackCodes(client: MqttClient, filters: string | string[]): Promise<number[]> {
  try {
    return codes(await client.subscribeAsync(filters));
  } catch (e) {
    const granted = (e as { packet?: { granted?: Granted } }).packet?.granted;
    if (!granted) throw e;
    return codes(granted);
  }
}
