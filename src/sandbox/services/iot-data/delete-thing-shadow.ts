import type { DeleteThingShadowRequest, DeleteThingShadowResponse } from "@aws-sdk/client-iot-data-plane";
import { defineOperation } from "../types.js";
import { SHADOW_CONSTRAINTS } from "./constraints.js";
import { toPayload } from "./payload.js";
import { deleteShadow, shadowRefOf } from "./shadow-store.js";

/** SHD-8: `{version, timestamp}`; SHD-4: the version survives as a tombstone. The thing need not exist. */
export const deleteThingShadow = defineOperation<DeleteThingShadowRequest, DeleteThingShadowResponse>({
  name: "DeleteThingShadow",
  constraints: SHADOW_CONSTRAINTS,
  handler: (input, ctx) => {
    const ref = shadowRefOf(input);
    return { payload: toPayload(deleteShadow(ctx, ref)) };
  },
});
