/**
 * AWS IoT's default request-rate quotas per operation (aws-semantics.md 15.1). The sandbox
 * enforces them under `--throttle aws`; the client paces itself by them against AWS.
 */
const TPS: Record<string, number> = {};
const rateOf =
  (service: string) =>
  (tps: number, ...ops: string[]) => {
    for (const op of ops) TPS[`${service}:${op}`] = tps;
  };
const rate = rateOf("iot");
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

// AWS IoT Jobs (AWS General Reference, "AWS IoT Device Management endpoints and quotas": the
// jobs API throttling limits; aws-semantics.md 15.1 lists none). The management API is meant
// for a low volume of calls; devices use the data plane, which takes far more (the workshop
// paces its simulated devices at 150 calls/s, under it).
rate(
  10,
  "CreateJob",
  "DescribeJob",
  "ListJobs",
  "UpdateJob",
  "CancelJob",
  "DeleteJob",
  "GetJobDocument",
  "AssociateTargetsWithJob",
  "ListJobExecutionsForJob",
  "ListJobExecutionsForThing",
  "DescribeJobExecution",
  "CancelJobExecution",
  "DeleteJobExecution",
  "CreateJobTemplate",
  "DescribeJobTemplate",
  "ListJobTemplates",
  "DeleteJobTemplate",
);
rateOf("iot-jobs-data")(
  200,
  "GetPendingJobExecutions",
  "StartNextPendingJobExecution",
  "DescribeJobExecution",
  "UpdateJobExecution",
);

/** The default TPS of `service:operation`, or undefined where AWS publishes none. */
export function defaultRate(service: string, operation: string): number | undefined {
  return TPS[`${service}:${operation}`];
}
