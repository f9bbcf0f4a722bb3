/** What every cleanup step shares: the session, the options, the tally, and what was found. */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { wasRetried } from "../errors.js";
import { errorText, isNotFound, isUnavailable } from "./identify.js";
import type { Tally } from "./report.js";
import type { CleanupOptions, Family, Identification, Outcome } from "./types.js";

export interface Findings {
  /** Workshop things by name (ARN), as listed before deletion. */
  workshopThings: Map<string, string>;
  /** Things that stay (not the workshop's, or failed), by thing type. */
  remainingByType: Map<string, string[]>;
  /** Certificates detached from workshop things: ARN -> workshop things it was attached to. */
  certificates: Map<string, string[]>;
  /** IoT policies detached from deleted workshop certificates. */
  policies: Set<string>;
  workshopGroupArns: Set<string>;
  /** Groups that stay, by name (for the dynamic-group check before indexing goes off). */
  remainingGroups: string[];
}

export interface CleanupContext {
  session: AwsSession;
  options: CleanupOptions;
  io: WorkshopIo;
  tally: Tally;
  found: Findings;
  unavailable: Array<{ family: Family; operation: string }>;
  clockAdvancedSeconds: number;
  waitedSeconds: number;
}

export function newFindings(): Findings {
  return {
    workshopThings: new Map(),
    remainingByType: new Map(),
    certificates: new Map(),
    policies: new Set(),
    workshopGroupArns: new Set(),
    remainingGroups: [],
  };
}

/** The outcome of a resource that was identified, before its deletion outcome is known. */
export function verdict(family: Family, name: string, id: Identification): Outcome {
  if (!id.workshop) return { family, name, status: "skipped", reason: id.reason, evidence: id.evidence };
  return {
    family,
    name,
    status: "wouldDelete",
    method: id.method,
    ...(id.method === "association" ? { association: id.association } : {}),
    evidence: id.evidence,
  };
}

type Dependents = NonNullable<Outcome["dependents"]>;

/**
 * Deletes an identified resource (unless dry-run: then `preview` only reads) and records the
 * outcome. Either may return the dependents that go with the resource (an array); an
 * exception marks the resource failed and the run goes on.
 */
export async function settle(
  ctx: CleanupContext,
  outcome: Outcome,
  remove: () => Promise<unknown>,
  preview?: () => Promise<unknown>,
): Promise<boolean> {
  if (outcome.status === "skipped") {
    ctx.tally.add(outcome);
    return false;
  }
  try {
    const result = ctx.options.dryRun ? await preview?.() : await remove();
    const dependents = Array.isArray(result) ? (result as Dependents) : [];
    const status = ctx.options.dryRun ? "wouldDelete" : "deleted";
    ctx.tally.add({ ...outcome, status, ...(dependents.length ? { dependents } : {}) });
    return true;
  } catch (e) {
    ctx.tally.add({ ...outcome, status: "failed", error: errorText(e) });
    return false;
  }
}

/** Runs the identification and deletion of one resource; an error marks it failed, the run goes on. */
export async function guard(
  ctx: CleanupContext,
  family: Family,
  name: string,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (e) {
    ctx.tally.add({ family, name, status: "failed", evidence: "", error: errorText(e) });
  }
}

/**
 * Lists a family; when the target does not offer the listing operation there is nothing to
 * clean in that family (e.g. jobs on a sandbox without jobs), which is said once.
 */
export async function listOrUnavailable<T>(
  ctx: CleanupContext,
  family: Family,
  operation: string,
  list: () => Promise<T[]>,
): Promise<T[] | undefined> {
  try {
    return await list();
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    ctx.unavailable.push({ family, operation });
    ctx.tally.unavailableNotice(family, operation);
    return undefined;
  }
}

/** Two independent calls at once, or one after the other under --debug. */
export async function both<A, B>(
  ctx: CleanupContext,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A, B]> {
  if (ctx.session.concurrency(2) > 1) return Promise.all([a(), b()]);
  return [await a(), await b()];
}

/**
 * Runs a deletion. When the SDK retried it and the retry found the resource gone, an earlier
 * attempt of this same call deleted it (its reply was lost): that is a success, not a failure.
 */
export async function deleteOnce(remove: () => Promise<unknown>): Promise<void> {
  try {
    await remove();
  } catch (e) {
    if (!(wasRetried(e) && isNotFound(e))) throw e;
  }
}

/**
 * Retries `fn` while it fails with one of `errors`: AWS applies some changes asynchronously
 * (a detached principal, a job deletion slot), so the next call may refuse for a while.
 */
export async function retryOn<T>(
  errors: readonly string[],
  attempts: number,
  delayMs: (attempt: number) => number,
  fn: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= attempts || !errors.includes((e as Error).name)) throw e;
      await sleep(delayMs(attempt));
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
