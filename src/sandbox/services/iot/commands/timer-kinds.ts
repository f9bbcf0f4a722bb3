/** The commands' timers on the sandbox-clock scheduler (handlers: timers.ts). */
import { timerKind } from "../../../scheduler.js";

/** A command by id and createdAt: one deleted and created again under the same id is another. */
export interface CommandRef {
  commandId: string;
  createdAt: number;
}

/** id = command id: the end of a command's pending deletion (CMD-6). */
export const COMMAND_PURGE = timerKind<CommandRef>("iot.commands.purge");
/** id = execution id: TIMED_OUT when no final status came within executionTimeoutSeconds (CMD-7). */
export const EXECUTION_TIMEOUT = timerKind<{ executionId: string }>("iot.commands.executionTimeout");
/** id = execution id: the execution's timeToLive (CMD-13). */
export const EXECUTION_EXPIRY = timerKind<{ executionId: string }>("iot.commands.executionExpiry");
