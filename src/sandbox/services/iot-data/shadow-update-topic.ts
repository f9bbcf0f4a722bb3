import { shadowTopicHandler } from "./shadow-topic.js";
import { updateShadow } from "./shadow-store.js";

/**
 * SHD-20 `<prefix>/update`: the payload is an UpdateThingShadow document, applied by the same
 * function as the REST API's (SHD-2..SHD-6); its accepted, documents and delta messages are
 * published from the shadow service's events (shadow-publications.ts, SHD-10).
 */
export const shadowUpdateTopic = shadowTopicHandler("update", (ctx, ref, request) => {
  updateShadow(ctx, ref, request.payload);
});
