/**
 * A jobs MQTT request payload (JOB-30) as the input of the HTTP operation it stands for: each
 * member the topic takes is checked for its JSON type, then against the operation's own
 * constraint table (the same table the HTTP gateway applies, VAL-1), so both transports refuse
 * the same values with the same words. Other members (clientToken...) are left out of the input.
 */
import { InputProblems } from "../../protocol/input-problems.js";
import { type Constraint, constraintProblem } from "../../protocol/validate.js";
import { ownValue } from "../../records.js";

export type MemberType = "string" | "integer" | "boolean" | "stringMap";

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === "string");

const HAS_TYPE: Record<MemberType, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: (v) => typeof v === "number" && Number.isSafeInteger(v),
  boolean: (v) => typeof v === "boolean",
  stringMap: isStringMap,
};

const TYPE_RULE: Record<MemberType, string> = {
  string: "Member must be a string",
  integer: "Member must be a whole number",
  boolean: "Member must be a boolean",
  stringMap: "Member must be a map of strings to strings",
};

/**
 * The members of `payload` named in `members`, checked; throws 400 InvalidRequestException listing
 * every problem (JOB-30 answers it as `InvalidRequest`). A member set to null counts as absent;
 * `required` ones must be present (the SDK schema's required members, as the gateway checks them).
 */
export function topicRequest<T extends object>(
  payload: Record<string, unknown>,
  members: Record<string, MemberType>,
  constraints: Record<string, Constraint> = {},
  required: readonly string[] = [],
): Partial<T> {
  const problems = new InputProblems();
  const input: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(members)) {
    const value = ownValue(payload, name);
    if (value === undefined || value === null) {
      if (required.includes(name)) problems.add(name, null, "Member must not be null");
      continue;
    }
    if (!HAS_TYPE[type](value)) {
      problems.add(name, value, TYPE_RULE[type]);
      continue;
    }
    const rule = ownValue(constraints, name);
    const problem = rule && constraintProblem(rule, value);
    if (problem) problems.add(name, value, problem);
    if (type === "stringMap") checkMap(name, value as Record<string, string>, constraints, problems);
    input[name] = value;
  }
  problems.throwIfAny("InvalidRequestException", 400);
  return input as Partial<T>;
}

function checkMap(
  name: string,
  map: Record<string, string>,
  constraints: Record<string, Constraint>,
  problems: InputProblems,
): void {
  const keyRule = ownValue(constraints, `${name}{}`);
  const valueRule = ownValue(constraints, `${name}{}=`);
  for (const [k, v] of Object.entries(map)) {
    const keyProblem = keyRule && constraintProblem(keyRule, k);
    if (keyProblem) problems.add(`${name}.key`, k, keyProblem);
    const valueProblem = valueRule && constraintProblem(valueRule, v);
    if (valueProblem) problems.add(`${name}.${k}`, v, valueProblem);
  }
}
