import { eventScope, publishJson } from "./mqtt-answer.js";
import { getShadowDocument } from "./shadow-store.js";
import { shadowTopicHandler, shadowTopicPrefix } from "./shadow-topic.js";

/** SHD-20 `<prefix>/get`: the GetThingShadow document (SHD-8) on `get/accepted`, clientToken echoed. */
export const shadowGetTopic = shadowTopicHandler("get", (ctx, ref, _request, clientToken) => {
  const doc = getShadowDocument(ctx, ref);
  if (clientToken !== undefined) doc["clientToken"] = clientToken;
  publishJson(ctx, eventScope(ctx), `${shadowTopicPrefix(ref)}/get/accepted`, doc);
});
