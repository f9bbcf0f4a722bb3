/**
 * IoT policy decisions for the broker's connections, cached: a connection's policies and
 * variables are read from the store once (mqtt-authorization.ts) and its decisions remembered
 * by action and topic, so a device publishing or receiving on the same topics costs a map
 * lookup. What may have changed is forgotten, for the connections it concerns only (a fleet of
 * thousands connecting attaches a certificate per device, which must not reload the others):
 * on `policies.changed`, the connections of its principal (every connection's when it names
 * none: a thing group's policies), on `certificate.disabled` those of the certificate, and on
 * `thing.changed` (attributes, type, groups) and `thing.deleted` the connection whose client id
 * is the thing's name. The next publish, subscribe or delivery is then decided afresh.
 */
import type { Decision } from "../services/iot/security/policy-engine.js";
import { evaluatePolicies } from "../services/iot/security/policy-engine.js";
import type { EventBus } from "../events.js";
import type {
  ConnectionPolicies,
  MqttAction,
  MqttPrincipal,
} from "../services/iot/security/mqtt-authorization.js";

/** Decisions kept per connection before its cache starts over (topics per device are few). */
const DECISIONS_PER_CONNECTION = 256;

interface Entry {
  generation: number;
  thingGeneration: number;
  principalGeneration: number;
  policies: ConnectionPolicies;
  decisions: Map<string, Decision>;
}

export interface PolicyCacheDeps {
  events: EventBus;
  scope: string;
  /** Reads a connection's policies and variables from the store. */
  load(principal: MqttPrincipal): ConnectionPolicies;
  /** The full resource ARN of an action on a name (`client/…`, `topic/…`, `topicfilter/…`). */
  resource(action: MqttAction, name: string): string;
}

export class PolicyCache {
  private generation = 0;
  /** Per thing name, how many times it changed (a connection with that client id reloads). */
  private readonly thingGenerations = new Map<string, number>();
  /** Per certificate ARN, how many times its policies or things changed. */
  private readonly principalGenerations = new Map<string, number>();
  private readonly entries = new WeakMap<MqttPrincipal, Entry>();

  constructor(private readonly deps: PolicyCacheDeps) {
    deps.events.on((e) => {
      if (e.scope !== deps.scope) return;
      if (e.type === "policies.changed") {
        if (e.principal === undefined) this.generation++;
        else bump(this.principalGenerations, e.principal);
      }
      if (e.type === "certificate.disabled") bump(this.principalGenerations, e.certificateArn);
      if (e.type === "thing.changed" || e.type === "thing.deleted") bump(this.thingGenerations, e.thingName);
    });
  }

  decide(principal: MqttPrincipal, action: MqttAction, name: string): Decision {
    let entry = this.entries.get(principal);
    const thingGeneration = this.thingGenerations.get(principal.clientId) ?? 0;
    const principalGeneration = this.principalGenerations.get(principal.certificateArn) ?? 0;
    if (
      !entry ||
      entry.generation !== this.generation ||
      entry.thingGeneration !== thingGeneration ||
      entry.principalGeneration !== principalGeneration
    ) {
      entry = {
        generation: this.generation,
        thingGeneration,
        principalGeneration,
        policies: this.deps.load(principal),
        decisions: new Map(),
      };
      this.entries.set(principal, entry);
    }
    const key = `${action} ${name}`;
    let decision = entry.decisions.get(key);
    if (decision === undefined) {
      const { documents, variables } = entry.policies;
      decision = evaluatePolicies(documents, {
        action,
        resource: this.deps.resource(action, name),
        variables,
      });
      if (entry.decisions.size >= DECISIONS_PER_CONNECTION) entry.decisions.clear();
      entry.decisions.set(key, decision);
    }
    return decision;
  }
}

function bump(generations: Map<string, number>, key: string): void {
  generations.set(key, (generations.get(key) ?? 0) + 1);
}
