import type { JsonObject } from "./shadow-document.js";

/** JSON-2: shadow documents travel as the raw HTTP body of a blob payload member. */
export const toPayload = (doc: JsonObject): Buffer => Buffer.from(JSON.stringify(doc), "utf8");
