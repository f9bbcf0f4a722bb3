import type { DeleteTopicRuleRequest } from "@aws-sdk/client-iot";
import { len } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { topicRules } from "./model.js";

/** RULE-1 (emulator choice): deleting a rule that does not exist answers 200, like a deleted one. */
export const deleteTopicRule = defineOperation<DeleteTopicRuleRequest, Record<string, never>>({
  name: "DeleteTopicRule",
  constraints: { ruleName: len(1, 128, "^[a-zA-Z0-9_]+$") },
  handler: (input, ctx) => {
    topicRules(ctx).delete(input.ruleName as string);
    return {};
  },
});
