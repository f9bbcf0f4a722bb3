/** The one command registry: each module adds one top-level command. */
import type { Command } from "commander";
import type { IoHost } from "../io/host.js";
import { sandboxCommand } from "./commands/sandbox.js";

export interface CommandModule {
  name: string;
  register(program: Command, host: () => IoHost): void;
}

export const COMMANDS: CommandModule[] = [sandboxCommand];
