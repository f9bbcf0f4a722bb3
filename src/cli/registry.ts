/**
 * The one command registry: each module adds one top-level command. Modules load on demand: a
 * command line loads only the command it names (its workflows and SDK clients), so `iotdm
 * sandbox status` or `simulate-jobs` start without loading every service's SDK; a line that
 * names none (`iotdm --help`, a typo) loads them all, for the help and the error.
 */
import type { Command } from "commander";
import type { IoHost } from "../io/host.js";

export interface CommandModule {
  name: string;
  register(program: Command, host: () => IoHost): void;
}

/** In the order the help lists them. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  workshop: async () => (await import("./commands/workshop.js")).workshopCommand,
  provision: async () => (await import("./commands/provision.js")).provisionCommand,
  cleanup: async () => (await import("./commands/cleanup.js")).cleanupCommand,
  sandbox: async () => (await import("./commands/sandbox.js")).sandboxCommand,
  check: async () => (await import("./commands/check.js")).checkCommand,
  "dynamic-groups": async () => (await import("./commands/dynamic-groups.js")).dynamicGroupsCommand,
  "create-job": async () => (await import("./commands/create-job.js")).createJobCommand,
  "explore-jobs": async () => (await import("./commands/explore-jobs.js")).exploreJobsCommand,
  "simulate-jobs": async () => (await import("./commands/simulate-jobs.js")).simulateJobsCommand,
  packages: async () => (await import("./commands/packages.js")).packagesCommand,
  commands: async () => (await import("./commands/commands.js")).commandsCommand,
  device: async () => (await import("./commands/device.js")).deviceCommand,
};

/** Global options that take a value (the value is not a command name). */
const GLOBAL_WITH_VALUE = ["--lang"];

/** The command a command line names: its first word that is neither an option nor an option's value. */
function namedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (GLOBAL_WITH_VALUE.includes(word)) i++;
    else if (!word.startsWith("-")) return word;
  }
  return undefined;
}

/** The command modules a command line needs: the one it names, or all of them. */
export async function commandsFor(argv: string[]): Promise<CommandModule[]> {
  const named = namedCommand(argv);
  if (named === undefined && (argv.includes("--version") || argv.includes("-V"))) return [];
  const load =
    named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
  return Promise.all(load.map((l) => l()));
}
