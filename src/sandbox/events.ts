/**
 * In-process notifications between sandbox services (a shadow update for the index and the
 * MQTT broker, a thing deletion for jobs...). Listeners run synchronously inside the
 * request's transaction.
 */
export type SandboxEvent =
  | {
      type: "shadow.updated";
      scope: string;
      thingName: string;
      shadowName?: string;
      topicSuffix: string;
      payload: object;
    }
  | { type: "shadow.deleted"; scope: string; thingName: string; shadowName?: string; payload: object }
  | { type: "thing.changed"; scope: string; thingName: string }
  | { type: "thing.deleted"; scope: string; thingName: string }
  | {
      type: "mqtt.publish";
      scope: string;
      topic: string;
      payload: Buffer;
      qos: 0 | 1;
      retain: boolean;
      /** MQTT 5 properties, present only when the request set them. */
      userProperties?: Array<[string, string]>;
      payloadFormatIndicator?: "UNSPECIFIED_BYTES" | "UTF8_DATA";
      contentType?: string;
      responseTopic?: string;
      /** Base64 text, as sent in `x-amz-mqtt5-correlation-data`. */
      correlationData?: string;
      messageExpirySeconds?: number;
    };

type Listener = (e: SandboxEvent) => void;

export class EventBus {
  private readonly listeners: Listener[] = [];

  on(listener: Listener): void {
    this.listeners.push(listener);
  }

  emit(e: SandboxEvent): void {
    for (const l of this.listeners) l(e);
  }
}
