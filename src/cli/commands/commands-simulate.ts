/**
 * No "second terminal" gate (features.md 11, Q-36): when the fleet index says devices of the
 * target are not connected, `iotdm commands execute` offers to start simulated cars for them in
 * this process (`--simulate` / `--no-simulate`); they connect with their own certificates, answer
 * the command, and disconnect once it is followed to its end.
 */
import type { IoHost } from "../../io/host.js";
import { type ConnectedFleet, connectDeviceFleet } from "../../workshop/device/fleet.js";
import type { Session } from "../session.js";
import type { CommandsFlags } from "./commands.js";

/** Device events are printed one per line up to this many cars. */
const VERBOSE_UP_TO = 10;

/** The cars started for the offline targets, or undefined when the user declined. */
export async function offerSimulatedCars(
  host: IoHost,
  session: Session,
  flags: CommandsFlags,
  offline: string[],
): Promise<ConnectedFleet | undefined> {
  const simulate =
    flags.simulate ??
    (await host.prompts.confirm({
      key: "commands.execute.simulatePrompt",
      vars: { count: offline.length },
      flag: "--simulate",
      default: true,
    }));
  if (!simulate) return undefined;
  host.say("step", "commands.execute.simulating", { count: offline.length });
  return connectDeviceFleet(session, host, {
    selection: { things: offline },
    commandOutcome: "succeed",
    successRate: 100,
    reportIntervalSeconds: 0,
    random: Math.random,
    verbose: offline.length <= VERBOSE_UP_TO,
  });
}
