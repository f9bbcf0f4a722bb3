/** What an SDK error says about whether the call may succeed if sent again. */

interface SdkError {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Whether the service failed the call for a reason that may pass (a 5xx, 429, throttling): what
 * the SDK retries itself, until its retry quota runs out, as it does under a burst of such
 * failures. A call that never reached a service (no status) is not one.
 */
export function isTransient(e: unknown): boolean {
  const err = e as SdkError | undefined;
  const status = err?.$metadata?.httpStatusCode;
  if (status === undefined) return false;
  return status >= 500 || status === 429 || /Throttl/.test(err?.Code ?? err?.name ?? "");
}
