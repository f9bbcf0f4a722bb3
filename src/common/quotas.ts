/**
 * AWS IoT's default request-rate quotas per operation (aws-semantics.md 15.1). The sandbox
 * enforces them under `--throttle aws`; the client paces itself by them against AWS.
 */
const TPS: Record<string, number> = {};
const rate = (tps: number, ...ops: string[]) => {
  for (const op of ops) TPS[`iot:${op}`] = tps;
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

/** The default TPS of `service:operation`, or undefined where AWS publishes none. */
export function defaultRate(service: string, operation: string): number | undefined {
  return TPS[`${service}:${operation}`];
}
