/**
 * In-process notifications between sandbox services (a shadow update for the index and the
 * MQTT broker, a thing deletion for jobs...). Listeners run synchronously, inside the request's
 * transaction when a request emits; an emitter outside any request (the MQTT broker) emits
 * outside a transaction, so a listener that writes opens one (Store.transaction joins an outer
 * one). Who listens to what, and why, is said where each service subscribes (its `start`).
 */
import type { JobExecutionStatus } from "@aws-sdk/client-iot";

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
  | {
      type: "thing.changed";
      scope: string;
      thingName: string;
      /**
       * Set when fleet indexing itself changed the thing's dynamic group memberships (DYN-2):
       * other listeners (jobs) follow it, fleet indexing does not re-evaluate its own change.
       */
      dynamicMembership?: true;
    }
  | { type: "thing.deleted"; scope: string; thingName: string }
  /**
   * A job execution was created or changed status (iot/jobs/model.ts): what the jobs data plane
   * follows for its `notify` / `notify-next` messages (JOB-30). `from` is absent on creation;
   * `deleted` says the execution is gone (DeleteJob, DeleteJobExecution), `to` being its last status.
   */
  | {
      type: "job.execution.changed";
      scope: string;
      jobId: string;
      thingName: string;
      executionNumber: number;
      from?: JobExecutionStatus;
      to: JobExecutionStatus;
      deleted?: true;
    }
  /**
   * An MQTT session whose client id is a thing's name opened or closed, as AWS IoT's lifecycle
   * events say (`$aws/events/presence/connected|disconnected/<clientId>`). The MQTT broker emits
   * them; connectivity.ts stores the state, fleet indexing (`connectivity.*`, IDX-5) and dynamic
   * groups follow it. `timestamp` is epoch milliseconds on the sandbox clock.
   */
  | { type: "thing.connected"; scope: string; thingName: string; timestamp: number }
  | {
      type: "thing.disconnected";
      scope: string;
      thingName: string;
      timestamp: number;
      /** AWS's disconnect reasons, e.g. `CLIENT_INITIATED_DISCONNECT`, `CONNECTION_LOST`. */
      disconnectReason?: string;
    }
  /**
   * A certificate stopped being usable (UpdateCertificate to INACTIVE or REVOKED,
   * DeleteCertificate): the MQTT broker closes the connections it admitted with it.
   */
  /**
   * IoT policy attachments or a certificate's things changed (AttachPolicy, DetachPolicy,
   * AttachThingPrincipal, DetachThingPrincipal): the broker forgets the policies it cached for
   * its connections (with `thing.changed`, which covers attributes and group membership).
   * `principal`: the certificate whose connections alone are concerned; absent, any may be (a
   * thing group's policies reach every member's connections).
   */
  | { type: "policies.changed"; scope: string; principal?: string }
  | {
      type: "certificate.disabled";
      scope: string;
      certificateArn: string;
      status: "INACTIVE" | "REVOKED" | "DELETED";
    }
  | {
      type: "mqtt.publish";
      scope: string;
      topic: string;
      payload: Buffer;
      qos: 0 | 1;
      retain: boolean;
      /**
       * The client whose request this message answers: it gets the message even without a
       * subscription to the topic (MQTT-2, JOB-30), as well as every subscriber does.
       */
      requester?: string;
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
