import type { OperationDefinition } from "../../types.js";
import { addThingToThingGroup } from "./add-thing-to-thing-group.js";
import { createThing } from "./create-thing.js";
import { createThingGroup } from "./create-thing-group.js";
import { createThingType } from "./create-thing-type.js";
import { deleteThing } from "./delete-thing.js";
import { deleteThingGroup } from "./delete-thing-group.js";
import { deleteThingType } from "./delete-thing-type.js";
import { deprecateThingType } from "./deprecate-thing-type.js";
import { describeEndpoint } from "./describe-endpoint.js";
import { describeThing } from "./describe-thing.js";
import { describeThingGroup } from "./describe-thing-group.js";
import { describeThingType } from "./describe-thing-type.js";
import { getIndexingConfiguration } from "./get-indexing-configuration.js";
import { getV2LoggingOptions } from "./get-v2-logging-options.js";
import { listTagsForResource } from "./list-tags-for-resource.js";
import { listThingGroups } from "./list-thing-groups.js";
import { listThingGroupsForThing } from "./list-thing-groups-for-thing.js";
import { listThingTypes } from "./list-thing-types.js";
import { listThings } from "./list-things.js";
import { listThingsInThingGroup } from "./list-things-in-thing-group.js";
import { removeThingFromThingGroup } from "./remove-thing-from-thing-group.js";
import { setV2LoggingOptions } from "./set-v2-logging-options.js";
import { tagResource } from "./tag-resource.js";
import { untagResource } from "./untag-resource.js";
import { updateIndexingConfiguration } from "./update-indexing-configuration.js";
import { updateThing } from "./update-thing.js";
import { updateThingGroup } from "./update-thing-group.js";
import { updateThingGroupsForThing } from "./update-thing-groups-for-thing.js";
import { updateThingType } from "./update-thing-type.js";

export const registryOperations: OperationDefinition[] = [
  describeEndpoint,
  createThingType,
  describeThingType,
  listThingTypes,
  deprecateThingType,
  deleteThingType,
  updateThingType,
  createThing,
  describeThing,
  listThings,
  updateThing,
  deleteThing,
  createThingGroup,
  describeThingGroup,
  listThingGroups,
  updateThingGroup,
  deleteThingGroup,
  addThingToThingGroup,
  removeThingFromThingGroup,
  updateThingGroupsForThing,
  listThingsInThingGroup,
  listThingGroupsForThing,
  tagResource,
  untagResource,
  listTagsForResource,
  getIndexingConfiguration,
  updateIndexingConfiguration,
  setV2LoggingOptions,
  getV2LoggingOptions,
];
