/**
 * Evaluation of AWS IoT policies (the IAM grammar, IoT's actions and resources), a pure module:
 * documents and a request in, a decision out. As AWS evaluates them
 * (https://docs.aws.amazon.com/iot/latest/developerguide/iot-policies.html): an explicit Deny
 * wins, else any Allow allows, else the request is implicitly denied. Actions match
 * case-insensitively with `*` and `?`; resources match case-sensitively with `*` and `?` after
 * policy variables (`${iot:ClientId}`, `${iot:Connection.Thing.ThingName}`, ...) are replaced by
 * their values taken literally (MQTT's `+` and `#` are literal characters too). A pattern naming
 * a variable without a value matches nothing. NotAction and NotResource apply a statement to
 * everything they do not name; `Condition` blocks are evaluated by policy-conditions.ts.
 *
 * Documents are compiled once (by their text) and kept: a broker evaluates the same few policies
 * for every message of thousands of devices.
 */
import { type CompiledCondition, compileCondition } from "./policy-conditions.js";
import { type Template, template, type Variables, wildcard } from "./policy-patterns.js";

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface AuthorizationRequest {
  /** e.g. `iot:Connect` */
  action: string;
  /** Full ARN, e.g. `arn:aws:iot:us-east-1:123456789012:client/car-1` */
  resource: string;
  /**
   * Policy variables and condition keys by name (`iot:ClientId`); absent or undefined when
   * they have no value.
   */
  variables: Variables;
}

interface CompiledStatement {
  effect: "Allow" | "Deny";
  /** Lower-cased action patterns; `notAction` says the statement covers every other action. */
  actions: RegExp[];
  notAction: boolean;
  resources: Template[];
  notResource: boolean;
  condition: CompiledCondition;
}

/** Decides `request` against the policy documents (JSON text, as stored) that apply to the caller. */
export function evaluatePolicies(documents: string[], request: AuthorizationRequest): Decision {
  let allowed = false;
  const action = request.action.toLowerCase();
  for (const document of documents) {
    for (const statement of compiled(document)) {
      if (statement.effect === "Allow" && allowed) continue;
      if (!applies(statement, action, request)) continue;
      if (statement.effect === "Deny") return "ExplicitDeny";
      allowed = true;
    }
  }
  return allowed ? "Allow" : "ImplicitDeny";
}

/** Compiled documents by their text; policies are few and immutable per version. */
const cache = new Map<string, CompiledStatement[]>();
const CACHE_LIMIT = 10_000;

function compiled(document: string): CompiledStatement[] {
  let statements = cache.get(document);
  if (!statements) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    statements = compileDocument(document);
    cache.set(document, statements);
  }
  return statements;
}

function compileDocument(document: string): CompiledStatement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((s): s is Record<string, unknown> => typeof s === "object" && s !== null)
    .map(compileStatement)
    .filter((s): s is CompiledStatement => s !== undefined);
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

function compileStatement(s: Record<string, unknown>): CompiledStatement | undefined {
  if (s.Effect !== "Allow" && s.Effect !== "Deny") return undefined;
  const notAction = s.Action === undefined && s.NotAction !== undefined;
  const notResource = s.Resource === undefined && s.NotResource !== undefined;
  return {
    effect: s.Effect,
    actions: asList(notAction ? s.NotAction : s.Action).map((p) => wildcard(p.toLowerCase())),
    notAction,
    resources: asList(notResource ? s.NotResource : s.Resource).map((p) => template(p)),
    notResource,
    condition: compileCondition(s.Condition),
  };
}

function applies(statement: CompiledStatement, action: string, request: AuthorizationRequest): boolean {
  if (statement.actions.some((p) => p.test(action)) === statement.notAction) return false;
  const named = statement.resources.some((t) => t(request.variables)?.test(request.resource) === true);
  if (named === statement.notResource) return false;
  return statement.condition(request.variables);
}
