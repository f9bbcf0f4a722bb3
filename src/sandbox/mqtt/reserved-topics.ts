/**
 * The bridge between the broker and the services for reserved topics (MQTT-1): a client's publish
 * on `$aws/...` runs the handler a service registered for it (ServiceDefinition.mqttTopics), in one
 * transaction, with an operation context built as the HTTP gateway builds one (origin `mqtt`); the
 * services' `mqtt.publish` events (answers to a request, notifications, HTTP `Publish`) are
 * delivered to subscribers once their transaction has committed, and an answer to its requester
 * even when it has not subscribed (MQTT-2).
 */
import type { EventBus, SandboxEvent } from "../events.js";
import type { MqttRequest, OperationContext, ReservedTopicHandler } from "../services/types.js";
import { topicMatchesFilter } from "./topic-filter.js";

export type PublishedEvent = Extract<SandboxEvent, { type: "mqtt.publish" }>;

/** What delivery needs of the broker: publish to subscribers, or to one connected client. */
export interface DeliveryTarget {
  publishToSubscribers(message: PublishedEvent): void;
  /** The topic filters a connected client subscribed to; undefined when it is not connected. */
  subscriptionsOf(clientId: string): string[] | undefined;
  publishToClient(clientId: string, message: PublishedEvent): void;
}

export class ReservedTopics {
  constructor(
    private readonly handlers: ReservedTopicHandler[],
    /** A context for a client of the broker's scope. */
    private readonly context: (clientId: string) => OperationContext,
    private readonly onError: (topic: string, error: unknown) => void,
  ) {}

  /** Runs the service handler of a reserved topic; false when no service answers the topic. */
  dispatch(request: MqttRequest): boolean {
    for (const handler of this.handlers) {
      const match = handler.topic.exec(request.topic);
      if (!match) continue;
      const ctx = this.context(request.clientId);
      try {
        ctx.store.transaction(() => handler.handle(match, request, ctx));
      } catch (e) {
        // Handlers answer bad requests on their `rejected` topics; this is a defect, not the client's fault.
        this.onError(request.topic, e);
      }
      return true;
    }
    return false;
  }

  /** Delivers the `mqtt.publish` events of `scope` after their transaction commits. */
  deliverEvents(
    events: EventBus,
    scope: string,
    commit: (fn: () => void) => void,
    target: DeliveryTarget,
  ): void {
    events.on((e) => {
      if (e.type !== "mqtt.publish" || e.scope !== scope) return;
      commit(() => {
        target.publishToSubscribers(e);
        if (e.requester === undefined) return;
        const filters = target.subscriptionsOf(e.requester);
        // MQTT-2: QoS 0 for a requester that did not subscribe (a subscriber gets the QoS it asked for).
        if (filters && !filters.some((f) => topicMatchesFilter(f, e.topic)))
          target.publishToClient(e.requester, { ...e, qos: 0 });
      });
    });
  }
}
