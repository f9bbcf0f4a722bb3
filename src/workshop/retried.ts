/**
 * A call whose reply is lost after the service did the work (a 5xx or a dropped connection
 * after the commit) is retried by the SDK, and the retry meets the first attempt's effect: a
 * creation without an idempotency token answers "already exists", a deletion "not found". The
 * workflows tell that apart from a real conflict by the SDK's attempt count, so a re-run and a
 * faulty network both converge on the plan (the sandbox's `--fail-mode after` tests it).
 */
interface SdkError {
  name?: string;
  $metadata?: { attempts?: number };
}

/** Whether the SDK sent the call that threw more than once (an earlier attempt may have done it). */
export const wasRetried = (e: unknown): boolean => ((e as SdkError)?.$metadata?.attempts ?? 1) > 1;

/** Whether `e` is one of these AWS error codes, on a call the SDK retried. */
export const retriedInto = (e: unknown, ...codes: string[]): boolean =>
  wasRetried(e) && codes.includes((e as SdkError)?.name ?? "");
