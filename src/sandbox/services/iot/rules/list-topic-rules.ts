import type { ListTopicRulesRequest, ListTopicRulesResponse } from "@aws-sdk/client-iot";
import { range } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { iotArn } from "../common.js";
import { pageOfCollection } from "../registry/listing.js";
import { topicRules } from "./model.js";

/**
 * RULE-1: the rules of this account and region by name, narrowed by `topic` and `ruleDisabled`.
 * The sandbox does not create rules (their execution is out of scope), so this is usually empty.
 */
export const listTopicRules = defineOperation<ListTopicRulesRequest, ListTopicRulesResponse>({
  name: "ListTopicRules",
  constraints: { maxResults: range(1, 10000) },
  handler: (input, ctx) => {
    const p = pageOfCollection(
      topicRules(ctx),
      input.nextToken,
      input.maxResults,
      (rule) =>
        (input.topic === undefined || rule.topicPattern === input.topic) &&
        (input.ruleDisabled === undefined || rule.ruleDisabled === input.ruleDisabled),
    );
    return {
      rules: p.items.map(({ doc }) => ({
        ruleArn: iotArn(ctx, `rule/${doc.ruleName}`),
        ruleName: doc.ruleName,
        topicPattern: doc.topicPattern,
        createdAt: new Date(doc.createdAt),
        ruleDisabled: doc.ruleDisabled,
      })),
      nextToken: p.nextToken,
    };
  },
});
