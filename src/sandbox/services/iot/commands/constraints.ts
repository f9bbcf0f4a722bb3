/**
 * Constraint values of the Commands input shapes (aws-operations.json, VAL-1), named once so every
 * operation's table uses the same values.
 */
import { type Constraint, len, oneOf, range } from "../../../protocol/validate.js";
import { COMMAND_STATUSES, NAMESPACES } from "./model.js";

type Table = Record<string, Constraint>;

const ID = "^[a-zA-Z0-9_-]+$";
export const commandId = len(1, 64, ID);
export const executionId = len(1, 64, ID);
export const namespace = oneOf(...NAMESPACES);
export const displayName = len(0, 64, "^[^\\p{C}]*$");
export const description = len(0, 2028, "^[^\\p{C}]*$");
export const parameterName = len(1, 192, "^[.$a-zA-Z0-9_-]+$");
export const maxResults = range(1, 100);
export const sortOrder = oneOf("ASCENDING", "DESCENDING");
export const executionStatus = oneOf(...COMMAND_STATUSES);
export const targetArn = len(0, 2048);
export const roleArn = len(20, 2048);
export const atLeastOne: Constraint = { min: 1, minMaxOf: "items" };
export const clientToken = len(1, 64, "^[\\x21-\\x7E]+$");

/** CommandParameterValue at `path` (its string and binary members are non-empty). */
export const parameterValueConstraints = (path: string): Table => ({
  [`${path}.S`]: { min: 1, minMaxOf: "length" },
  [`${path}.D`]: { fractional: true },
  [`${path}.BIN`]: { min: 1, minMaxOf: "length" },
  [`${path}.UL`]: len(1, 20, "^[0-9]*$"),
});

/** CommandParameterList at `path`. */
export const parameterListConstraints = (path: string): Table => ({
  [path]: atLeastOne,
  [`${path}[].name`]: parameterName,
  [`${path}[].description`]: description,
  ...parameterValueConstraints(`${path}[].value`),
  ...parameterValueConstraints(`${path}[].defaultValue`),
});

export const timeFilterConstraints = (path: string): Table => ({
  [`${path}.after`]: len(1, 64),
  [`${path}.before`]: len(1, 64),
});
