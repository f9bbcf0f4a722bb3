/**
 * What the jobs request topics share (JOB-30): `$aws/things/<thing>/jobs/...` requests run the
 * jobs data plane's HTTP operation handlers; the answer goes to `<request topic>/accepted` or
 * `/rejected`, with `timestamp` in epoch milliseconds (emulator choice, JOB-30) and the
 * request's clientToken, and reaches the requesting client even without a subscription.
 * Rejections use the jobs MQTT API's codes; `executionState` only for InvalidStateTransition and
 * VersionMismatch.
 */
import type { JobExecution } from "@aws-sdk/client-iot-jobs-data-plane";
import { isServiceError, type ServiceError } from "../../errors.js";
import { clientTokenOf, eventScope, parseJsonPayload, publishJson } from "../iot-data/mqtt-answer.js";
import { findExecution } from "../iot/jobs/model.js";
import { requireThing } from "../iot/registry/model.js";
import type { MqttRequest, OperationContext, ReservedTopicHandler } from "../types.js";
import { VersionMismatch } from "./update-job-execution.js";

export interface JobsTopicRequest {
  thingName: string;
  /** The `<jobId>` level of the topic (a job id or `$next`), for the per-job topics. */
  jobId?: string;
  payload: Record<string, unknown>;
}

/** JOB-30: the HTTP errors of the jobs data plane, as the MQTT API names them. */
const MQTT_CODES: Record<string, string> = {
  ResourceNotFoundException: "ResourceNotFound",
  InvalidRequestException: "InvalidRequest",
  InvalidStateTransitionException: "InvalidStateTransition",
  TerminalStateException: "TerminalStateReached",
  ThrottlingException: "RequestThrottled",
};

/** The AWS docs' description of the code, as its message (JOB-30). */
const INVALID_JSON = "The contents of the request could not be interpreted as valid UTF-8-encoded JSON.";

const codeOf = (e: ServiceError): string =>
  e instanceof VersionMismatch ? "VersionMismatch" : (MQTT_CODES[e.code] ?? "InternalError");

/** The prefix of a thing's jobs topics. */
export const jobsTopicPrefix = (thingName: string): string => `$aws/things/${thingName}/jobs`;

/** `$aws/things/<thing>/jobs/<rest>`: `rest` is a regexp source; its group, if any, is the job id. */
export const jobsTopic = (rest: string): RegExp => new RegExp(`^\\$aws/things/([^/]+)/jobs/${rest}$`);

/** Sends the answer to a request on `<topic>/<outcome>`, to subscribers and to the requester. */
function answer(
  ctx: OperationContext,
  request: MqttRequest,
  outcome: "accepted" | "rejected",
  body: object,
  clientToken: string | undefined,
): void {
  const message = {
    ...body,
    timestamp: ctx.clock.nowMs(),
    ...(clientToken === undefined ? {} : { clientToken }),
  };
  publishJson(ctx, eventScope(ctx), `${request.topic}/${outcome}`, message, request.clientId);
}

/** An execution's state as the rejections of a conflicting update show it. */
function executionStateOf(ctx: OperationContext, req: JobsTopicRequest): object | undefined {
  if (req.jobId === undefined) return undefined;
  const exec = findExecution(ctx, req.jobId, req.thingName);
  return (
    exec && { status: exec.status, statusDetails: exec.statusDetails, versionNumber: exec.versionNumber }
  );
}

/**
 * A reserved-topic handler: `run` answers the request (the accepted body, without timestamp
 * and clientToken) or throws the ServiceError the HTTP API would.
 */
export function jobsTopicHandler(
  rest: string,
  run: (ctx: OperationContext, req: JobsTopicRequest) => object,
): ReservedTopicHandler {
  return {
    topic: jobsTopic(rest),
    handle: (match, request, ctx) => {
      const parsed = parseJsonPayload(request.payload);
      if (!parsed.ok) {
        answer(ctx, request, "rejected", { code: "InvalidJson", message: INVALID_JSON }, undefined);
        return;
      }
      const clientToken = clientTokenOf(parsed.value);
      const req: JobsTopicRequest = { thingName: match[1], jobId: match[2], payload: parsed.value };
      try {
        // A client may act for any thing its policy allows; the thing must exist.
        requireThing(ctx, req.thingName);
        // A rejected request keeps none of its writes (an update whose $package shadow is refused).
        answer(
          ctx,
          request,
          "accepted",
          ctx.store.savepoint(() => run(ctx, req)),
          clientToken,
        );
      } catch (e) {
        if (!isServiceError(e)) throw e;
        const code = codeOf(e);
        const rejection: Record<string, unknown> = { code, message: e.message };
        if (code === "InvalidStateTransition" || code === "VersionMismatch")
          rejection["executionState"] = executionStateOf(ctx, req);
        answer(ctx, request, "rejected", rejection, clientToken);
      }
    },
  };
}

/** JOB-30: devices get the job document as a JSON object on MQTT (a string over HTTP). */
export function documentAsObject<T extends { jobDocument?: string }>(
  out: T,
): Omit<T, "jobDocument"> & { jobDocument?: unknown } {
  return out.jobDocument === undefined
    ? out
    : { ...out, jobDocument: JSON.parse(out.jobDocument) as unknown };
}

/** An execution as the jobs topics carry it (document as an object). */
export const mqttExecution = (execution: JobExecution | undefined): object | undefined =>
  execution && documentAsObject(execution);
