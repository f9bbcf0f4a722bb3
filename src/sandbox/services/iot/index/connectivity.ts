/**
 * The connectivity status of things (IDX-5 `connectivity.*`), in one place: a document per
 * MQTT client id (= thing name) in the store, written only from the `thing.connected` /
 * `thing.disconnected` events the MQTT broker emits, read by fleet indexing.
 *
 * A thing that never connected has no document and is indexed as `connected: false` with no
 * timestamp or reason (emulator choice): queries such as `connectivity.connected:false` (which
 * devices are offline?) should find it; AWS documents that the timestamp and reason may be
 * missing, and the sandbox knows no time to put there. The broker (mqtt/presence.ts) emits the
 * events for a client whose id is a thing's name; GetThingConnectivityData reads the same state. The state outlives a deleted thing, as the client's
 * session does on AWS.
 */
import type { SandboxEvent } from "../../../events.js";
import type { Collection } from "../../../storage/store.js";
import type { OperationContext, ServiceDeps } from "../../types.js";
import { collection } from "../common.js";

export const CONNECTIVITY_KIND = "iot.connectivity";

export interface ConnectivityState {
  connected: boolean;
  /** Epoch milliseconds of the last connect or disconnect; absent when never connected. */
  timestamp?: number;
  disconnectReason?: string;
}

/** What a thing that never connected is indexed with (see above). */
export const NEVER_CONNECTED: Readonly<ConnectivityState> = Object.freeze({ connected: false });

export const connectivityStates = (ctx: OperationContext): Collection<ConnectivityState> =>
  collection<ConnectivityState>(ctx, CONNECTIVITY_KIND);

type ConnectivityEvent = Extract<SandboxEvent, { type: "thing.connected" | "thing.disconnected" }>;

export const isConnectivityEvent = (e: SandboxEvent): e is ConnectivityEvent =>
  e.type === "thing.connected" || e.type === "thing.disconnected";

function stateOf(e: ConnectivityEvent): ConnectivityState {
  if (e.type === "thing.connected") return { connected: true, timestamp: e.timestamp };
  const state: ConnectivityState = { connected: false, timestamp: e.timestamp };
  if (e.disconnectReason !== undefined) state.disconnectReason = e.disconnectReason;
  return state;
}

/**
 * Stores each connect and disconnect. Subscribed by the IoT service's start hook before fleet
 * indexing, so the index, following the same event, reads the new state.
 */
export function startConnectivity(deps: ServiceDeps): void {
  deps.events.on((e) => {
    if (!isConnectivityEvent(e)) return;
    deps.store.transaction(() =>
      deps.store.collection<ConnectivityState>(e.scope, CONNECTIVITY_KIND).put(e.thingName, stateOf(e)),
    );
  });
}
