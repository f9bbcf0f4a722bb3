import type { OperationDefinition } from "../../types.js";

export const packagesOperations: OperationDefinition[] = [];
