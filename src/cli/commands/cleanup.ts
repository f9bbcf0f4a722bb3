/** `iotdm cleanup` (being written). */
import type { CommandModule } from "../registry.js";

export const cleanupCommand: CommandModule = { name: "cleanup", register: () => undefined };
