import type { GetThingShadowRequest, GetThingShadowResponse } from "@aws-sdk/client-iot-data-plane";
import { defineOperation } from "../types.js";
import { SHADOW_CONSTRAINTS } from "./constraints.js";
import { toPayload } from "./payload.js";
import { getShadowDocument, shadowRefOf } from "./shadow-store.js";

/** SHD-8: the stored document with its delta, or 404 "No shadow exists with name: '<name>'". */
export const getThingShadow = defineOperation<GetThingShadowRequest, GetThingShadowResponse>({
  name: "GetThingShadow",
  constraints: SHADOW_CONSTRAINTS,
  handler: (input, ctx) => {
    const ref = shadowRefOf(input);
    return { payload: toPayload(getShadowDocument(ctx, ref)) };
  },
});
