/** The one command registry: each module adds one top-level command. */
import type { Command } from "commander";
import type { IoHost } from "../io/host.js";
import { checkCommand } from "./commands/check.js";
import { cleanupCommand } from "./commands/cleanup.js";
import { createJobCommand } from "./commands/create-job.js";
import { dynamicGroupsCommand } from "./commands/dynamic-groups.js";
import { exploreJobsCommand } from "./commands/explore-jobs.js";
import { packagesCommand } from "./commands/packages.js";
import { provisionCommand } from "./commands/provision.js";
import { sandboxCommand } from "./commands/sandbox.js";
import { simulateJobsCommand } from "./commands/simulate-jobs.js";
import { workshopCommand } from "./commands/workshop.js";

export interface CommandModule {
  name: string;
  register(program: Command, host: () => IoHost): void;
}

export const COMMANDS: CommandModule[] = [
  workshopCommand,
  provisionCommand,
  cleanupCommand,
  sandboxCommand,
  checkCommand,
  dynamicGroupsCommand,
  createJobCommand,
  exploreJobsCommand,
  simulateJobsCommand,
  packagesCommand,
];
