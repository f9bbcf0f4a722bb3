/** `iotdm workshop` (being written). */
import type { CommandModule } from "../registry.js";

export const workshopCommand: CommandModule = { name: "workshop", register: () => undefined };
