import { deleteShadow } from "./shadow-store.js";
import { shadowTopicHandler } from "./shadow-topic.js";

/**
 * SHD-20 `<prefix>/delete`: DeleteThingShadow's function; `delete/accepted` `{version, timestamp,
 * clientToken?}` is published from its `shadow.deleted` event (shadow-publications.ts).
 */
export const shadowDeleteTopic = shadowTopicHandler("delete", (ctx, ref, _request, clientToken) => {
  deleteShadow(ctx, ref, clientToken);
});
