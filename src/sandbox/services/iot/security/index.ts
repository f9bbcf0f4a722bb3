import type { OperationDefinition } from "../../types.js";

export const securityOperations: OperationDefinition[] = [];
