/** `iotdm provision` (being written). */
import type { CommandModule } from "../registry.js";

export const provisionCommand: CommandModule = { name: "provision", register: () => undefined };
