import type { UpdateThingShadowRequest, UpdateThingShadowResponse } from "@aws-sdk/client-iot-data-plane";
import { defineOperation } from "../types.js";
import { SHADOW_CONSTRAINTS } from "./constraints.js";
import { toPayload } from "./payload.js";
import { shadowRefOf, updateShadow } from "./shadow-store.js";

/** SHD-1..SHD-8, SHD-10, PKG-SHD-1: the raw body is the update document (JSON-2). */
export const updateThingShadow = defineOperation<UpdateThingShadowRequest, UpdateThingShadowResponse>({
  name: "UpdateThingShadow",
  constraints: SHADOW_CONSTRAINTS,
  handler: (input, ctx) => {
    const ref = shadowRefOf(input);
    return { payload: toPayload(updateShadow(ctx, ref, Buffer.from(input.payload ?? new Uint8Array()))) };
  },
});
