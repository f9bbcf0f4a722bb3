/**
 * SHD-10 / SHD-20: every accepted shadow change, whoever made it (REST, an MQTT request, a job's
 * `$package` update, PKG-7), is published on the shadow's reserved topics: `shadow.updated`
 * events carry their topic suffix (`update/accepted`, `update/documents`, `update/delta`) and
 * body; `shadow.deleted` becomes `delete/accepted`. The fleet index follows the same events.
 */
import type { ServiceDeps } from "../types.js";
import { publishJson } from "./mqtt-answer.js";
import { shadowTopicPrefix } from "./shadow-topic.js";

export function startShadowPublications(deps: ServiceDeps): void {
  deps.events.on((e) => {
    if (e.type === "shadow.updated")
      publishJson(deps, e.scope, `${shadowTopicPrefix(e)}/${e.topicSuffix}`, e.payload);
    else if (e.type === "shadow.deleted")
      publishJson(deps, e.scope, `${shadowTopicPrefix(e)}/delete/accepted`, e.payload);
  });
}
