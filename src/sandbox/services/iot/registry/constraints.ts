/**
 * Constraint values of the registry's input shapes, copied from aws-operations.json (VAL-1),
 * named once so that every operation's table uses the same values.
 */
import { type Constraint, len, range } from "../../../protocol/validate.js";

const RESOURCE_NAME = "^[a-zA-Z0-9:_-]+$";
/** ThingName, ThingTypeName, ThingGroupName, BillingGroupName. */
export const resourceName = len(1, 128, RESOURCE_NAME);
export const attributeName = len(0, 128, "^[a-zA-Z0-9_.,@/:#-]+$");
export const attributeValue = len(0, 800, "^[a-zA-Z0-9_.,@/:#=\\[\\]-]*$");
/** ThingTypeDescription and ThingGroupDescription. */
export const description = len(0, 2028, "^[\\p{Graph}\\x20]*$");
export const tagKey = len(1, 128, "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
export const tagValue = len(0, 256);
/** RegistryMaxResults. */
export const maxResults = range(1, 250);

type Table = Record<string, Constraint>;

/** Members of a `TagList` found at `path`. */
export const tagListConstraints = (path: string): Table => ({
  [`${path}[].Key`]: tagKey,
  [`${path}[].Value`]: tagValue,
});

/** Members of an `AttributePayload` found at `path`. */
export const attributePayloadConstraints = (path: string): Table => ({
  [`${path}.attributes{}`]: attributeName,
  [`${path}.attributes{}=`]: attributeValue,
});

/** Members of a `ThingTypeProperties` found at `path`. */
export const thingTypePropertiesConstraints = (path: string): Table => ({
  [`${path}.thingTypeDescription`]: description,
  [`${path}.searchableAttributes[]`]: attributeName,
  [`${path}.mqtt5Configuration.propagatingAttributes[].userPropertyKey`]: len(0, 128, "^[a-zA-Z0-9:$.]+$"),
  [`${path}.mqtt5Configuration.propagatingAttributes[].thingAttribute`]: attributeName,
  [`${path}.mqtt5Configuration.propagatingAttributes[].connectionAttribute`]: len(0, 128, "^[a-zA-Z0-9:.]+$"),
});

/** Members of a `ThingGroupProperties` found at `path`. */
export const thingGroupPropertiesConstraints = (path: string): Table => ({
  [`${path}.thingGroupDescription`]: description,
  ...attributePayloadConstraints(`${path}.attributePayload`),
});
