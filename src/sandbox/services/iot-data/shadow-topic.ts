/**
 * What the shadow topics share (SHD-20): the topic prefix of a shadow, `$aws/things/<thing>/shadow`
 * or `.../shadow/name/<shadowName>`, and how a request on it is answered: the thing must exist, the
 * shadow service runs as for the REST API (shadow-store.ts), and a refusal goes to
 * `<prefix>/<action>/rejected` as `{code: <HTTP status>, message, timestamp, clientToken?}`.
 * Accepted answers of updates and deletes are published by shadow-publications.ts for REST and MQTT alike.
 */
import { isServiceError, ServiceError } from "../../errors.js";
import { constraintProblem } from "../../protocol/validate.js";
import { requireThing } from "../iot/registry/model.js";
import type { MqttRequest, OperationContext, ReservedTopicHandler } from "../types.js";
import { SHADOW_NAME } from "./constraints.js";
import { clientTokenOf, eventScope, parseJsonPayload, publishJson } from "./mqtt-answer.js";
import type { ShadowRef } from "./shadow-store.js";

export type ShadowAction = "update" | "get" | "delete";

/** SHD-20: the topic prefix of a shadow. */
export const shadowTopicPrefix = (ref: ShadowRef): string =>
  `$aws/things/${ref.thingName}/shadow${ref.shadowName === undefined ? "" : `/name/${ref.shadowName}`}`;

/** `<prefix>/<action>` for the classic shadow and every named one; groups: thing, shadow name. */
const requestTopic = (action: ShadowAction): RegExp =>
  new RegExp(`^\\$aws/things/([^/]+)/shadow(?:/name/([^/]+))?/${action}$`);

/** SHD-1: a shadow name in a topic obeys the REST API's constraint. */
function checkShadowName(ref: ShadowRef): void {
  if (ref.shadowName === undefined) return;
  const problem = constraintProblem(SHADOW_NAME, ref.shadowName);
  if (problem)
    throw new ServiceError(
      "InvalidRequestException",
      `1 validation error detected: Value '${ref.shadowName}' at 'shadowName' failed to satisfy constraint: ${problem}`,
      {},
      400,
    );
}

/**
 * A reserved-topic handler for one shadow action: `run` does the work (and publishes what it
 * accepts) for the shadow the topic names, once the thing is known to exist; a ServiceError it
 * throws is answered on `<prefix>/<action>/rejected` with the REST API's status and message.
 */
export function shadowTopicHandler(
  action: ShadowAction,
  run: (ctx: OperationContext, ref: ShadowRef, request: MqttRequest, clientToken?: string) => void,
): ReservedTopicHandler {
  return {
    topic: requestTopic(action),
    handle: (match, request, ctx) => {
      const ref: ShadowRef = { thingName: match[1] };
      if (match[2] !== undefined) ref.shadowName = match[2];
      const parsed = parseJsonPayload(request.payload);
      const clientToken = parsed.ok ? clientTokenOf(parsed.value) : undefined;
      try {
        checkShadowName(ref);
        // A device may act on any thing's shadow its policy allows, but the thing must exist.
        requireThing(ctx, ref.thingName);
        ctx.store.savepoint(() => run(ctx, ref, request, clientToken));
      } catch (e) {
        if (!isServiceError(e)) throw e;
        const rejected: Record<string, unknown> = {
          code: e.status ?? 400,
          message: e.message,
          timestamp: Math.floor(ctx.clock.nowMs() / 1000),
        };
        if (clientToken !== undefined) rejected["clientToken"] = clientToken;
        publishJson(ctx, eventScope(ctx), `${shadowTopicPrefix(ref)}/${action}/rejected`, rejected);
      }
    },
  };
}
