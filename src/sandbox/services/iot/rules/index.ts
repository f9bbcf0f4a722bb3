import type { OperationDefinition } from "../../types.js";
import { deleteTopicRule } from "./delete-topic-rule.js";
import { listTopicRules } from "./list-topic-rules.js";

export const rulesOperations: OperationDefinition[] = [listTopicRules, deleteTopicRule];
