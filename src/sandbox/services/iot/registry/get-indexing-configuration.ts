import type { GetIndexingConfigurationRequest, GetIndexingConfigurationResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { managedGroupFields, managedThingFields, readIndexingSettings } from "./indexing.js";

/** IDX-3: the stored configuration (or the OFF defaults) plus the managed fields of its modes. */
export const getIndexingConfiguration = defineOperation<
  GetIndexingConfigurationRequest,
  GetIndexingConfigurationResponse
>({
  name: "GetIndexingConfiguration",
  handler: (_input, ctx) => {
    const { thing, group } = readIndexingSettings(ctx);
    const thingManaged = managedThingFields(thing);
    const groupManaged = managedGroupFields(group);
    return {
      thingIndexingConfiguration: {
        ...thing,
        managedFields: thingManaged.length > 0 ? thingManaged : undefined,
      },
      thingGroupIndexingConfiguration: {
        ...group,
        managedFields: groupManaged.length > 0 ? groupManaged : undefined,
      },
    };
  },
});
