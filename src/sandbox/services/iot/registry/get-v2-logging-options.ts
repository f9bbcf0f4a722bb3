import type { GetV2LoggingOptionsRequest, GetV2LoggingOptionsResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { loggingOptions } from "./set-v2-logging-options.js";

/** LOG-1: what SetV2LoggingOptions stored; never set → 404 NotConfiguredException (modelled). */
export const getV2LoggingOptions = defineOperation<GetV2LoggingOptionsRequest, GetV2LoggingOptionsResponse>({
  name: "GetV2LoggingOptions",
  // Its model lists no InvalidRequestException: a `verbose` that is not a boolean cannot be read.
  validationError: "SerializationException",
  handler: (_input, ctx) => {
    const doc = loggingOptions(ctx).get("logging");
    if (!doc)
      throw new ServiceError("NotConfiguredException", "V2 logging options are not configured.", {}, 404);
    return { roleArn: doc.roleArn, defaultLogLevel: doc.defaultLogLevel, disableAllLogs: doc.disableAllLogs };
  },
});
