import type { OperationDefinition } from "../../types.js";

export const registryOperations: OperationDefinition[] = [];
