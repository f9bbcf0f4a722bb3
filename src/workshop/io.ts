/**
 * What a workflow may do with the user: emit translated messages, learning moments and
 * progress. The CLI's IoHost implements it; workflows never print or prompt themselves.
 */
import type { IoHost } from "../io/host.js";

export type WorkshopIo = Pick<IoHost, "say" | "line" | "learn" | "progress" | "debug">;
