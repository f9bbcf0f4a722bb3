/**
 * `clientToken` on CreatePackage and CreatePackageVersion (PKG-1/PKG-2): the model marks it an
 * idempotency token, so the SDK fills it in and sends the same one on every retry of a call.
 * A call that repeats the token and the request of the one that created the resource answers
 * as that call did, instead of 409: a retry after a reply was lost (a 5xx after the commit)
 * must not fail. The token is kept with the resource it created; the same token with another
 * request is still 409 ConflictException (emulator choice: the model offers no other code).
 */
import { sameJson } from "../registry/model.js";

export interface Idempotency {
  clientToken: string;
  /** The creating request, token left out. */
  request: Record<string, unknown>;
}

function requestOf(input: { clientToken?: string }): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...input };
  delete rest.clientToken;
  return rest;
}

/** What a creation keeps with its resource, when its request carried a token. */
export function idempotencyOf(input: { clientToken?: string }): Idempotency | undefined {
  return input.clientToken ? { clientToken: input.clientToken, request: requestOf(input) } : undefined;
}

/** Whether `input` repeats the call that created a resource (same token, same request). */
export function repeatsCreation(created: Idempotency | undefined, input: { clientToken?: string }): boolean {
  return (
    created !== undefined &&
    input.clientToken === created.clientToken &&
    sameJson(requestOf(input), created.request)
  );
}
