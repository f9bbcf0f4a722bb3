/**
 * `--throttle aws`: one token bucket per (account, region, operation) at AWS's default
 * request rate, burst = rate (section 15.1). Operations without a published rate are not
 * limited. `--fail-rate` answers a share of calls with the service's internal error.
 */
const AWS_DEFAULT_TPS: Record<string, number> = {};
const rate = (tps: number, ...ops: string[]) => {
  for (const op of ops) AWS_DEFAULT_TPS[`iot:${op}`] = tps;
};
rate(
  100,
  "CreateThing",
  "DeleteThing",
  "UpdateThing",
  "AddThingToThingGroup",
  "RemoveThingFromThingGroup",
  "AttachThingPrincipal",
  "DetachThingPrincipal",
  "DescribeThingGroup",
  "DescribeThingType",
  "ListThingGroupsForThing",
);
rate(350, "DescribeThing");
rate(25, "CreateThingGroup", "ListThingsInThingGroup");
rate(15, "DeleteThingGroup", "UpdateThingGroup", "CreateThingType", "DeleteThingType", "DeprecateThingType");
rate(
  10,
  "ListThings",
  "ListThingTypes",
  "ListThingGroups",
  "ListThingPrincipals",
  "ListPrincipalThings",
  "ListTagsForResource",
  "TagResource",
  "UntagResource",
);
rate(5, "CreateDynamicThingGroup", "UpdateDynamicThingGroup", "DeleteDynamicThingGroup");

export function awsDefaultRate(service: string, operation: string): number | undefined {
  return AWS_DEFAULT_TPS[`${service}:${operation}`];
}

interface Bucket {
  tokens: number;
  last: number;
}

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly mode: () => "off" | "aws",
    private readonly failRate: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  admit(service: string, operation: string, scope: string, nowMs = Date.now()): "ok" | "throttle" | "fail" {
    if (this.mode() === "aws") {
      const tps = awsDefaultRate(service, operation);
      if (tps !== undefined) {
        const key = `${scope}:${service}:${operation}`;
        let b = this.buckets.get(key);
        if (!b) {
          b = { tokens: tps, last: nowMs };
          this.buckets.set(key, b);
        }
        b.tokens = Math.min(tps, b.tokens + ((nowMs - b.last) / 1000) * tps);
        b.last = nowMs;
        if (b.tokens < 1) return "throttle";
        b.tokens -= 1;
      }
    }
    const share = this.failRate();
    if (share > 0 && this.random() < share) return "fail";
    return "ok";
  }
}
