/**
 * CMD-11: a device's response on `$aws/commands/<things|clients>/<name>/executions/<id>/response[/<fmt>]`
 * moves the execution (CMD-7) and is answered on `…/response/accepted[/<fmt>]` or
 * `…/response/rejected[/<fmt>]` to the requester. JSON only: a `cbor` response is rejected
 * (the sandbox has no CBOR reader; emulator limitation).
 */
import type { MqttRequest, OperationContext, ReservedTopicHandler } from "../../types.js";
import { scopeKey } from "../common.js";
import { moveExecution, transitionProblem } from "./executions.js";
import { executions, targetArnOf, type Target } from "./model.js";
import { readReport } from "./result.js";

const RESPONSE =
  /^\$aws\/commands\/(things|clients)\/([^/]+)\/executions\/([^/]+)\/response(?:\/(json|cbor))?$/;

function answer(
  ctx: OperationContext,
  request: MqttRequest,
  base: string,
  outcome: "accepted" | "rejected",
  format: string | undefined,
  body: object,
): void {
  ctx.events.emit({
    type: "mqtt.publish",
    scope: scopeKey(ctx),
    topic: `${base}/response/${outcome}${format ? `/${format}` : ""}`,
    payload: Buffer.from(JSON.stringify(body), "utf8"),
    qos: 0,
    retain: false,
    requester: request.clientId,
  });
}

export const commandResponseTopic: ReservedTopicHandler = {
  topic: RESPONSE,
  handle: (match, request, ctx) => {
    const [, kind, name, executionId, format] = match;
    const base = request.topic.slice(0, request.topic.lastIndexOf("/response"));
    const reject = (error: string, errorReason: string) =>
      answer(ctx, request, base, "rejected", format, { executionId, error, errorReason });
    const target = { kind, name } as Target;
    const doc = executions(ctx).get(executionId);
    if (!doc || doc.targetArn !== targetArnOf(ctx, target))
      return reject(
        "ResourceNotFound",
        `Command execution ${executionId} does not exist for ${kind}/${name}.`,
      );
    if (format === "cbor")
      return reject("InvalidRequest", "CBOR responses are not supported by the sandbox.");
    let body: unknown;
    try {
      body = JSON.parse(request.payload.toString("utf8"));
    } catch {
      return reject("InvalidRequest", "The response is not valid JSON.");
    }
    const report = readReport(body);
    if (typeof report === "string") return reject("InvalidRequest", report);
    const problem = transitionProblem(doc.status, report.status);
    if (problem) return reject("InvalidStateTransition", problem);
    const moved = moveExecution(ctx, doc, report);
    answer(ctx, request, base, "accepted", format, { executionId, status: moved.status });
  },
};
