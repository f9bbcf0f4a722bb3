/** Every service the sandbox serves. Adding an operation = one handler file + one line in its service index. */
import { sts } from "./sts/index.js";
import type { ServiceDefinition } from "./types.js";

export const SERVICES: ServiceDefinition[] = [sts];
