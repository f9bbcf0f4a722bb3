/**
 * IAM is eventually consistent on AWS: a role created a moment ago may not be assumable by
 * IoT yet. Instead of fixed sleeps, the call that needs the role is retried while AWS says
 * so. The sandbox's IAM is immediately consistent, so there it is tried once.
 */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { errorMessage } from "../errors.js";

const RETRY_DELAY_MS = 2000;
const MAX_ATTEMPTS = 12;

export async function retryWhilePropagating<T>(
  session: AwsSession,
  io: WorkshopIo,
  call: () => Promise<T>,
  propagating: (e: unknown) => boolean,
): Promise<{ value: T; attempts: number }> {
  const maxAttempts = session.target.kind === "sandbox" ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(), attempts: attempt };
    } catch (e) {
      if (attempt >= maxAttempts || !propagating(e)) throw Object.assign(e as object, { attempts: attempt });
      io.say("detail", "provision.waitingForIam", { attempt, max: maxAttempts, message: errorMessage(e) });
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    }
  }
}

export const attemptsOf = (e: unknown): number => (e as { attempts?: number })?.attempts ?? 1;
