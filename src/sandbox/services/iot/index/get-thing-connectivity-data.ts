import type { GetThingConnectivityDataRequest, GetThingConnectivityDataResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { requireThing } from "../registry/model.js";
import { resourceName } from "../registry/constraints.js";
import { connectivityStates, NEVER_CONNECTED } from "./connectivity.js";

/**
 * GetThingConnectivityData (POST /things/{thingName}/connectivity-data): the live state the
 * broker keeps (connectivity.ts) for a thing whose name is a client id; unknown thing → 404. A
 * thing that never connected is `connected: false` without timestamp or reason. Emulator choice:
 * answered whether or not connectivity indexing is on (the state is kept either way).
 */
export const getThingConnectivityData = defineOperation<
  GetThingConnectivityDataRequest,
  GetThingConnectivityDataResponse
>({
  name: "GetThingConnectivityData",
  constraints: { thingName: resourceName },
  handler: (input, ctx) => {
    const thing = requireThing(ctx, input.thingName as string);
    const state = connectivityStates(ctx).get(thing.thingName) ?? NEVER_CONNECTED;
    const out: GetThingConnectivityDataResponse = { thingName: thing.thingName, connected: state.connected };
    if (state.timestamp !== undefined) out.timestamp = new Date(state.timestamp);
    if (state.disconnectReason !== undefined)
      out.disconnectReason = state.disconnectReason as GetThingConnectivityDataResponse["disconnectReason"];
    return out;
  },
});
