/**
 * Evaluation of AWS IoT policies (the IAM grammar, IoT's actions and resources), a pure module:
 * documents and a request in, a decision out. As AWS evaluates them
 * (https://docs.aws.amazon.com/iot/latest/developerguide/iot-policies.html): an explicit Deny
 * wins, else any Allow allows, else the request is implicitly denied. Actions match
 * case-insensitively with `*` and `?`; resources match case-sensitively with `*` and `?` after
 * policy variables (`${iot:ClientId}`, `${iot:Connection.Thing.ThingName}`, ...) are replaced by
 * their values taken literally. A statement naming a variable without a value does not match.
 * Not evaluated yet: `Condition` (a statement with one is skipped), NotAction and NotResource.
 */
import { escapeRegExp } from "../../../../common/regexp.js";

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface AuthorizationRequest {
  /** e.g. `iot:Connect` */
  action: string;
  /** Full ARN, e.g. `arn:aws:iot:us-east-1:123456789012:client/car-1` */
  resource: string;
  /** Policy variables by name (`iot:ClientId`); absent or undefined when they have no value. */
  variables: Record<string, string | undefined>;
}

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** Decides `request` against the policy documents (JSON text, as stored) that apply to the caller. */
export function evaluatePolicies(documents: string[], request: AuthorizationRequest): Decision {
  let allowed = false;
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      if (statement.Condition !== undefined || !applies(statement, request)) continue;
      if (statement.Effect === "Deny") return "ExplicitDeny";
      if (statement.Effect === "Allow") allowed = true;
    }
  }
  return allowed ? "Allow" : "ImplicitDeny";
}

function statementsOf(document: string): Statement[] {
  try {
    const parsed = JSON.parse(document) as { Statement?: unknown };
    const list = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return list.filter((s): s is Statement => typeof s === "object" && s !== null);
  } catch {
    return [];
  }
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

function applies(statement: Statement, request: AuthorizationRequest): boolean {
  const action = request.action.toLowerCase();
  if (!asList(statement.Action).some((pattern) => wildcard(pattern.toLowerCase()).test(action))) return false;
  return asList(statement.Resource).some((pattern) => {
    const resolved = resourcePattern(pattern, request.variables);
    return resolved !== undefined && resolved.test(request.resource);
  });
}

/** `*` any run of characters, `?` one character, the rest literal. */
function wildcard(pattern: string): RegExp {
  return new RegExp(`^${wildcardSource(pattern)}$`, "s");
}

const wildcardSource = (text: string): string =>
  text
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : escapeRegExp(c)))
    .join("");

/** IAM's escapes for the characters policy syntax would read otherwise. */
const SPECIAL_VARIABLES: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/**
 * The resource pattern with its `${...}` variables replaced by their values (literally: a `*` in a
 * client id is not a wildcard); undefined when one of them has no value.
 */
function resourcePattern(pattern: string, variables: Record<string, string | undefined>): RegExp | undefined {
  let source = "";
  let rest = pattern;
  for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
    source += wildcardSource(rest.slice(0, m.index));
    const name = m[1];
    const value = Object.hasOwn(SPECIAL_VARIABLES, name)
      ? SPECIAL_VARIABLES[name]
      : Object.hasOwn(variables, name)
        ? variables[name]
        : undefined;
    if (value === undefined) return undefined;
    source += escapeRegExp(value);
    rest = rest.slice(m.index + m[0].length);
  }
  return new RegExp(`^${source}${wildcardSource(rest)}$`, "s");
}
