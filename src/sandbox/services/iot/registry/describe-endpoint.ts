import { randomInt } from "node:crypto";
import type { DescribeEndpointRequest, DescribeEndpointResponse } from "@aws-sdk/client-iot";
import { len } from "../../../protocol/validate.js";
import { defineOperation, type OperationContext } from "../../types.js";
import { invalidRequest, KIND } from "../common.js";

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * PROTO-20: the 14-character account prefix of the real host names. AWS keeps one prefix per
 * account for all regions, so it lives in the account-wide settings scope, not `<account>:<region>`.
 */
function endpointPrefix(ctx: OperationContext): string {
  const settings = ctx.store.collection<{ value: string }>(ctx.scope.accountId, KIND.settings);
  const stored = settings.get("endpointPrefix");
  if (stored) return stored.value;
  let value = "";
  for (let i = 0; i < 14; i++) value += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  settings.put("endpointPrefix", { value });
  return value;
}

/**
 * PROTO-20/21. The data, data-ATS and jobs endpoints are served by this very sandbox over plain
 * HTTP, so their address is the Host the caller used to reach it (e.g. `127.0.0.1:5566`): a
 * client that builds `http://${endpointAddress}` then talks to the sandbox, which routes data
 * and jobs calls by signing name. A real-format `<prefix>-ats.iot.<region>.amazonaws.com` would
 * send it to AWS instead. That port also takes the broker's connections (server.ts), as AWS's
 * data endpoint serves MQTT too, so `mqtts://${endpointAddress}` reaches the broker with a device
 * certificate (plain `mqtt://` with `--no-auth`). The credential provider is not served here, so
 * it keeps AWS's form with the account's stable prefix.
 */
export const describeEndpoint = defineOperation<DescribeEndpointRequest, DescribeEndpointResponse>({
  name: "DescribeEndpoint",
  constraints: { endpointType: len(0, 128, "^[\\s\\S]*$") },
  handler: (input, ctx) => {
    switch (input.endpointType ?? "iot:Data") {
      case "iot:Data-ATS":
      case "iot:Data":
      case "iot:Jobs":
        return { endpointAddress: ctx.host };
      case "iot:CredentialProvider":
        return {
          endpointAddress: `${endpointPrefix(ctx)}.credentials.iot.${ctx.scope.region}.amazonaws.com`,
        };
      default:
        throw invalidRequest(
          `Endpoint type ${input.endpointType} is not valid: use iot:Data-ATS, iot:Data, iot:CredentialProvider or iot:Jobs.`,
        );
    }
  },
});
