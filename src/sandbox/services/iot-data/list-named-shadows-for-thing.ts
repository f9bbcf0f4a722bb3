import type {
  ListNamedShadowsForThingRequest,
  ListNamedShadowsForThingResponse,
} from "@aws-sdk/client-iot-data-plane";
import { range } from "../../protocol/validate.js";
import { decodeToken, encodeToken } from "../iot/common.js";
import { defineOperation } from "../types.js";
import { THING_NAME } from "./constraints.js";
import { listNamedShadows } from "./shadow-store.js";

/** Page size when the caller gives none (AWS documents no default; emulator choice). */
export const DEFAULT_SHADOW_PAGE_SIZE = 25;

/**
 * SHD-9: named shadows in name order (`$package` included, classic never), `results: []` for a
 * thing without named shadows (registered or not), `timestamp` in epoch seconds.
 */
export const listNamedShadowsForThing = defineOperation<
  ListNamedShadowsForThingRequest,
  ListNamedShadowsForThingResponse
>({
  name: "ListNamedShadowsForThing",
  constraints: { thingName: THING_NAME, pageSize: range(1, 100) },
  handler: (input, ctx) => {
    const limit = input.pageSize ?? DEFAULT_SHADOW_PAGE_SIZE;
    const after = decodeToken(input.nextToken);
    const { names, more } = listNamedShadows(ctx, input.thingName ?? "", { after, limit });
    const out: ListNamedShadowsForThingResponse = {
      results: names,
      timestamp: Math.floor(ctx.clock.nowMs() / 1000),
    };
    if (more) out.nextToken = encodeToken(names[names.length - 1]);
    return out;
  },
});
