/** `iotdm check` (being written). */
import type { CommandModule } from "../registry.js";

export const checkCommand: CommandModule = { name: "check", register: () => undefined };
