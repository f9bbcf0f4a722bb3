/** Topic rules (section 14): stored so the list and delete operations answer from real state. */
import type { OperationContext } from "../../types.js";
import { collection, KIND } from "../common.js";

export interface TopicRuleDoc {
  ruleName: string;
  topicPattern: string;
  ruleDisabled: boolean;
  /** ISO-8601 */
  createdAt: string;
}

export const topicRules = (ctx: OperationContext) => collection<TopicRuleDoc>(ctx, KIND.topicRule);
