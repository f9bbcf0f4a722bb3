/**
 * Reading SDK errors for the workflows: their code and message, without `any`, and whether the
 * SDK sent the call more than once.
 *
 * A call whose reply is lost after the service did the work (a 5xx or a dropped connection
 * after the commit) is retried by the SDK, and the retry meets the first attempt's effect: a
 * creation without an idempotency token answers "already exists", a deletion "not found". The
 * workflows tell that apart from a real conflict by the SDK's attempt count, so a re-run and a
 * faulty network both converge on the plan (the sandbox's `--fail-mode after` tests it).
 */
interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { attempts?: number };
}

export function errorCode(e: unknown): string {
  const err = e as SdkError;
  return err?.Code ?? err?.name ?? "Error";
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** `Code: message`, for reports and failure lines. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  const message = errorMessage(e);
  return message && message !== code ? `${code}: ${message}` : code;
}

export function hasCode(e: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(e));
}

/** Whether the SDK sent the call that threw more than once (an earlier attempt may have done it). */
export const wasRetried = (e: unknown): boolean => ((e as SdkError)?.$metadata?.attempts ?? 1) > 1;

/** Whether `e` is one of these AWS error codes, on a call the SDK retried. */
export const retriedInto = (e: unknown, ...codes: string[]): boolean => wasRetried(e) && hasCode(e, ...codes);

export { isTransient } from "../aws/errors.js";
