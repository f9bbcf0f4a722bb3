import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from "@aws-sdk/client-sts";
import { defineOperation } from "../types.js";

/** ID-1: never fails for an authenticated caller; the account is the sandbox's configured one. */
export const getCallerIdentity = defineOperation<GetCallerIdentityRequest, GetCallerIdentityResponse>({
  name: "GetCallerIdentity",
  handler: (_input, ctx) => ({
    UserId: "AIDAIOTDMSANDBOXUSER",
    Account: ctx.scope.accountId,
    Arn: `arn:aws:iam::${ctx.scope.accountId}:user/iotdm-sandbox`,
  }),
});
