/**
 * IAM roles IoT assumes (features.md 4.5 steps 1 and 7): each is reused when it exists,
 * created (trusting iot.amazonaws.com) and tagged when it does not; its inline policy is
 * written every run, so a re-run also repairs a policy that was changed or removed.
 */
import {
  CreateRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { allPages } from "../../aws/parallel.js";
import {
  jobsRoleName,
  JOBS_POLICY_NAME,
  LOGGING_POLICY_NAME,
  loggingRoleName,
  PACKAGE_CONFIG_POLICY_NAME,
  packageConfigRoleName,
} from "../naming.js";
import type { StepContext } from "./context.js";
import { describeError, retriedInto } from "../errors.js";
import type { ResourceResult } from "./report.js";

/** What ensuring roles needs of a step (provision's, or `iotdm packages config enable`). */
export type RoleContext = Pick<StepContext, "session" | "io" | "tagger">;

export interface RoleSpec {
  name: string;
  maxSessionSeconds: number;
  policyName: string;
  policy: object;
}

const TRUST_IOT = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

/**
 * CreateRole has no idempotency token: when the SDK's retry finds the role it just created
 * (EntityAlreadyExists after a lost reply), the role is ours and its ARN is read back.
 */
async function createRole(ctx: RoleContext, spec: RoleSpec): Promise<string | undefined> {
  const { iam } = ctx.session.clients;
  try {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: spec.name,
        AssumeRolePolicyDocument: JSON.stringify(TRUST_IOT),
        MaxSessionDuration: spec.maxSessionSeconds,
        Description: "Assumed by AWS IoT for the IoT Device Management workshop",
      }),
    );
    return created.Role?.Arn;
  } catch (e) {
    if (!retriedInto(e, "EntityAlreadyExists", "EntityAlreadyExistsException")) throw e;
    return (await iam.send(new GetRoleCommand({ RoleName: spec.name }))).Role?.Arn;
  }
}

async function ensureRole(
  ctx: RoleContext,
  spec: RoleSpec,
  existingArn: string | undefined,
): Promise<ResourceResult> {
  const { iam } = ctx.session.clients;
  try {
    let result: ResourceResult;
    if (existingArn) {
      result = { name: spec.name, outcome: "existing", arn: existingArn };
      ctx.io.say("info", "provision.role.existing", { name: spec.name });
    } else {
      result = { name: spec.name, outcome: "created", arn: await createRole(ctx, spec) };
      ctx.io.say("success", "provision.role.created", { name: spec.name });
      await ctx.tagger.tag("iam-role", spec.name, spec.name);
    }
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: spec.name,
        PolicyName: spec.policyName,
        PolicyDocument: JSON.stringify(spec.policy),
      }),
    );
    ctx.io.say("detail", "provision.role.policy", { name: spec.name, policy: spec.policyName });
    return result;
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.role.failed", { name: spec.name, error });
    return { name: spec.name, outcome: "failed", error };
  }
}

/** Ensures each role in turn; one listing of the account's roles says which exist. */
export async function ensureRoles(ctx: RoleContext, specs: RoleSpec[]): Promise<ResourceResult[]> {
  let arns: Map<string | undefined, string | undefined>;
  try {
    const roles = await allPages(
      (Marker) => ctx.session.clients.iam.send(new ListRolesCommand({ Marker, MaxItems: 1000 })),
      (page) => page.Roles,
      (page) => (page.IsTruncated ? page.Marker : undefined),
    );
    arns = new Map(roles.map((r) => [r.RoleName, r.Arn]));
  } catch (e) {
    const error = describeError(e);
    for (const spec of specs) ctx.io.say("error", "provision.role.failed", { name: spec.name, error });
    return specs.map((spec) => ({ name: spec.name, outcome: "failed", error }));
  }
  const results: ResourceResult[] = [];
  for (const spec of specs) results.push(await ensureRole(ctx, spec, arns.get(spec.name)));
  return results;
}

/** IoT writes CloudWatch Logs through this role (step 1). */
export function loggingRole(region: string, accountId: string): RoleSpec {
  return {
    name: loggingRoleName(region, accountId),
    maxSessionSeconds: 3600,
    policyName: LOGGING_POLICY_NAME,
    policy: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "logs:PutMetricFilter",
            "logs:PutRetentionPolicy",
          ],
          Resource: [
            `arn:aws:logs:*:${accountId}:log-group:*`,
            `arn:aws:logs:*:${accountId}:log-group:*:log-stream:*`,
          ],
        },
      ],
    },
  };
}

function jobsRole(region: string, accountId: string): RoleSpec {
  const inRegion = { StringEquals: { "aws:RequestedRegion": region } };
  return {
    name: jobsRoleName(region, accountId),
    maxSessionSeconds: 14400,
    policyName: JOBS_POLICY_NAME,
    policy: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["s3:*"],
          Resource: [`arn:aws:s3:::iot-firmware-${region}-*/*`],
          Condition: { ...inRegion, Bool: { "aws:SecureTransport": "true" } },
        },
        { Effect: "Allow", Action: ["iot:*"], Resource: [`arn:aws:iot:${region}:${accountId}:*/*`] },
      ],
    },
  };
}

export function packageConfigRole(region: string, accountId: string): RoleSpec {
  const inRegion = { StringEquals: { "aws:RequestedRegion": region } };
  return {
    name: packageConfigRoleName(region, accountId),
    maxSessionSeconds: 14400,
    policyName: PACKAGE_CONFIG_POLICY_NAME,
    policy: {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["iot:DescribeEndpoint"], Resource: "*", Condition: inRegion },
        {
          Effect: "Allow",
          Action: ["iot:GetThingShadow", "iot:UpdateThingShadow"],
          Resource: [`arn:aws:iot:${region}:${accountId}:thing/*/$package`],
          Condition: inRegion,
        },
      ],
    },
  };
}

/** Step 7: the role jobs use for presigned firmware URLs, and the one package configuration uses. */
export async function provisionRoles(
  ctx: StepContext,
): Promise<{ jobs: ResourceResult; packageConfig: ResourceResult }> {
  const { region, accountId } = ctx.session;
  await ctx.io.learn("provision.learn.iamRoles");
  ctx.io.say("step", "provision.step.roles");
  const [jobs, packageConfig] = await ensureRoles(ctx, [
    jobsRole(region, accountId),
    packageConfigRole(region, accountId),
  ]);
  return { jobs, packageConfig };
}
