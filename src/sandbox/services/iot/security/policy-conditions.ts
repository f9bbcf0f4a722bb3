/**
 * `Condition` blocks of IoT policies, evaluated as IAM does
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * every operator and every key of a block must hold; a key holds when its value matches any of
 * the listed values (a negated operator: none of them). A key missing from the request makes
 * the condition false, except for negated operators (true), `...IfExists` (true) and `Null`.
 * Condition values may hold policy variables. The request's keys are single-valued, so
 * `ForAnyValue:` and `ForAllValues:` differ from the plain operator only when the key is
 * missing (false and true). An operator the sandbox does not know (Date*, IpAddress...) never
 * holds, so a statement using one does not apply.
 */
import { template, type Variables } from "./policy-patterns.js";

export type CompiledCondition = (variables: Variables) => boolean;

/** One operator's test of a present value against one condition value, compiled once. */
type ValueTest = (expected: string) => (actual: string, variables: Variables) => boolean;

interface Operator {
  test: ValueTest;
  /** Not* operators: the key holds when no value matches, and when the key is missing. */
  negated: boolean;
}

const patternTest =
  (wildcards: boolean, flags: string): ValueTest =>
  (expected) => {
    const pattern = template(expected, wildcards, flags);
    return (actual, variables) => pattern(variables)?.test(actual) === true;
  };

const numeric =
  (compare: (a: number, b: number) => boolean): ValueTest =>
  (expected) =>
  (actual) => {
    const [a, b] = [Number(actual), Number(expected)];
    return !Number.isNaN(a) && !Number.isNaN(b) && compare(a, b);
  };

const equals = patternTest(false, "s");
const like = patternTest(true, "s");

const OPERATORS: Record<string, Operator> = {
  StringEquals: { test: equals, negated: false },
  StringNotEquals: { test: equals, negated: true },
  StringEqualsIgnoreCase: { test: patternTest(false, "is"), negated: false },
  StringNotEqualsIgnoreCase: { test: patternTest(false, "is"), negated: true },
  StringLike: { test: like, negated: false },
  StringNotLike: { test: like, negated: true },
  // IAM: ArnEquals and ArnLike both take wildcards.
  ArnEquals: { test: like, negated: false },
  ArnLike: { test: like, negated: false },
  ArnNotEquals: { test: like, negated: true },
  ArnNotLike: { test: like, negated: true },
  Bool: { test: (e) => (a) => a.toLowerCase() === e.toLowerCase(), negated: false },
  NumericEquals: { test: numeric((a, b) => a === b), negated: false },
  NumericNotEquals: { test: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { test: numeric((a, b) => a < b), negated: false },
  NumericLessThanEquals: { test: numeric((a, b) => a <= b), negated: false },
  NumericGreaterThan: { test: numeric((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: { test: numeric((a, b) => a >= b), negated: false },
};

const ALWAYS: CompiledCondition = () => true;
const NEVER: CompiledCondition = () => false;

const valuesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((v) => typeof v === "string" || typeof v === "boolean" || typeof v === "number")
    .map(String);

/** A `Condition` element made into a test of a request's keys (always true when absent). */
export function compileCondition(block: unknown): CompiledCondition {
  if (block === undefined) return ALWAYS;
  if (typeof block !== "object" || block === null || Array.isArray(block)) return NEVER;
  const tests: CompiledCondition[] = [];
  for (const [name, keys] of Object.entries(block)) {
    if (typeof keys !== "object" || keys === null || Array.isArray(keys)) return NEVER;
    for (const [key, value] of Object.entries(keys as Record<string, unknown>)) {
      const test = keyTest(name, key, valuesOf(value));
      if (!test) return NEVER;
      tests.push(test);
    }
  }
  return (variables) => tests.every((t) => t(variables));
}

function keyTest(operatorName: string, key: string, expected: string[]): CompiledCondition | undefined {
  const set = /^(ForAnyValue|ForAllValues):/.exec(operatorName)?.[1];
  let name = set ? operatorName.slice(set.length + 1) : operatorName;
  const ifExists = name.endsWith("IfExists");
  if (ifExists) name = name.slice(0, -"IfExists".length);
  const whenMissing = set === "ForAllValues" || ifExists;
  if (name === "Null") {
    if (expected.length !== 1) return undefined;
    const absent = expected[0].toLowerCase() === "true";
    return (variables) => (variables[key] === undefined) === absent;
  }
  const operator = Object.hasOwn(OPERATORS, name) ? OPERATORS[name] : undefined;
  if (!operator) return undefined;
  const tests = expected.map(operator.test);
  return (variables) => {
    const actual = variables[key];
    if (actual === undefined) return whenMissing || operator.negated;
    return tests.some((t) => t(actual, variables)) !== operator.negated;
  };
}
