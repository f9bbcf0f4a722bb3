import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { permissionsPolicy, rejectsWith, trustPolicy, uniqueName } from "./iam-helpers.js";

let sb: TestSandbox;
let iam: IAMClient;
before(async () => {
  sb = await startSandbox();
  iam = new IAMClient(sb.config);
});
after(() => sb.dispose());

async function newRole(): Promise<string> {
  const RoleName = uniqueName("role");
  await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustPolicy() }));
  return RoleName;
}

const put = (RoleName: string, PolicyName: string, PolicyDocument: string) =>
  iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument }));

/** A permissions policy of about `chars` non-whitespace characters. */
function policyOfSize(chars: number, padding = ""): string {
  const base = permissionsPolicy("iot:DescribeThing", "X");
  const resource = "r".repeat(chars - base.length + 1);
  const doc = permissionsPolicy("iot:DescribeThing", resource);
  return padding ? doc.replace(/,/g, `,${padding}`) : doc;
}

test("IAM-3 QRY-4: PutRolePolicy creates or replaces; GetRolePolicy returns the URL-encoded document", async () => {
  const role = await newRole();
  await put(role, "PackageConfigPolicy", permissionsPolicy("s3:GetObject"));
  const got = await iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: "PackageConfigPolicy" }));
  assert.equal(got.RoleName, role);
  assert.equal(got.PolicyName, "PackageConfigPolicy");
  assert.equal(got.PolicyDocument, encodeURIComponent(permissionsPolicy("s3:GetObject")));
  await put(role, "PackageConfigPolicy", permissionsPolicy("s3:PutObject"));
  const replaced = await iam.send(
    new GetRolePolicyCommand({ RoleName: role, PolicyName: "PackageConfigPolicy" }),
  );
  assert.equal(decodeURIComponent(replaced.PolicyDocument ?? ""), permissionsPolicy("s3:PutObject"));
  const names = await iam.send(new ListRolePoliciesCommand({ RoleName: role }));
  assert.deepEqual(names.PolicyNames, ["PackageConfigPolicy"]);
});

test("IAM-3: missing role, missing policy and malformed documents", async () => {
  const role = await newRole();
  await rejectsWith(put("no-such-role", "p", permissionsPolicy()), "NoSuchEntity", 404);
  await rejectsWith(
    iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: "absent" })),
    "NoSuchEntity",
    404,
    "The role policy with name absent cannot be found.",
  );
  await rejectsWith(
    iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: "absent" })),
    "NoSuchEntity",
    404,
  );
  await rejectsWith(put(role, "p", "not json"), "MalformedPolicyDocument", 400);
  await rejectsWith(put(role, "p", trustPolicy()), "MalformedPolicyDocument", 400, /principal/);
  await rejectsWith(
    put(
      role,
      "p",
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*" }] }),
    ),
    "MalformedPolicyDocument",
    400,
    /resources/,
  );
  await rejectsWith(
    put(role, "p", JSON.stringify({ Statement: [{ Effect: "Maybe", Action: "s3:*", Resource: "*" }] })),
    "MalformedPolicyDocument",
    400,
  );
  await rejectsWith(put(role, "bad/name", permissionsPolicy()), "ValidationError", 400, /PolicyName/);
  const names = await iam.send(new ListRolePoliciesCommand({ RoleName: role }));
  assert.deepEqual(names.PolicyNames, []);
});

test("IAM-3: ListRolePolicies sorts names and paginates; DeleteRolePolicy removes", async () => {
  const role = await newRole();
  for (const n of ["gamma", "alpha", "delta", "beta"]) await put(role, n, permissionsPolicy());
  const first = await iam.send(new ListRolePoliciesCommand({ RoleName: role, MaxItems: 3 }));
  assert.deepEqual(first.PolicyNames, ["alpha", "beta", "delta"]);
  assert.equal(first.IsTruncated, true);
  const second = await iam.send(
    new ListRolePoliciesCommand({ RoleName: role, MaxItems: 3, Marker: first.Marker }),
  );
  assert.deepEqual(second.PolicyNames, ["gamma"]);
  assert.equal(second.IsTruncated, false);
  assert.equal(second.Marker, undefined);
  await iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: "beta" }));
  const after = await iam.send(new ListRolePoliciesCommand({ RoleName: role }));
  assert.deepEqual(after.PolicyNames, ["alpha", "delta", "gamma"]);
  await rejectsWith(iam.send(new ListRolePoliciesCommand({ RoleName: "no-such-role" })), "NoSuchEntity", 404);
});

test("IAM-3: the inline policies of a role may total 10,240 characters, whitespace excluded (409 LimitExceeded)", async () => {
  const role = await newRole();
  const sixK = policyOfSize(6000);
  assert.equal(sixK.length, 6000);
  await put(role, "one", sixK);
  await rejectsWith(put(role, "two", policyOfSize(5000)), "LimitExceeded", 409);
  // Whitespace does not count: 4,240 significant characters padded far beyond the limit fit.
  const padded = policyOfSize(4240, " ".repeat(3000));
  assert.ok(padded.length > 10_240);
  await put(role, "two", padded);
  await rejectsWith(put(role, "three", policyOfSize(200)), "LimitExceeded", 409);
  // Replacing a policy counts its new size instead of the old one.
  await put(role, "one", policyOfSize(5800));
  await put(role, "three", policyOfSize(200));
  const names = await iam.send(new ListRolePoliciesCommand({ RoleName: role }));
  assert.deepEqual(names.PolicyNames, ["one", "three", "two"]);
});

test("IAM-6: CreatePolicy / GetPolicy / GetPolicyVersion / ListPolicies for customer managed policies", async () => {
  const name = uniqueName("managed");
  const created = await iam.send(
    new CreatePolicyCommand({
      PolicyName: name,
      Path: "/iotdm/",
      PolicyDocument: permissionsPolicy("iot:*"),
      Description: "d",
      Tags: [{ Key: "t", Value: "1" }],
    }),
  );
  const policy = created.Policy!;
  assert.equal(policy.Arn, `arn:aws:iam::${sb.accountId}:policy/iotdm/${name}`);
  assert.match(policy.PolicyId ?? "", /^ANPA[A-Z0-9]{17}$/);
  assert.equal(policy.DefaultVersionId, "v1");
  assert.equal(policy.AttachmentCount, 0);
  assert.equal(policy.IsAttachable, true);
  const got = await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }));
  assert.equal(got.Policy?.PolicyName, name);
  assert.equal(got.Policy?.Description, "d");
  assert.deepEqual(got.Policy?.Tags, [{ Key: "t", Value: "1" }]);
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: "v1" }));
  assert.equal(version.PolicyVersion?.Document, encodeURIComponent(permissionsPolicy("iot:*")));
  assert.equal(version.PolicyVersion?.IsDefaultVersion, true);
  await rejectsWith(
    iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: "v2" })),
    "NoSuchEntity",
    404,
  );
  await rejectsWith(
    iam.send(
      new CreatePolicyCommand({ PolicyName: name.toUpperCase(), PolicyDocument: permissionsPolicy() }),
    ),
    "EntityAlreadyExists",
    409,
  );
  await rejectsWith(
    iam.send(new CreatePolicyCommand({ PolicyName: uniqueName("bad"), PolicyDocument: "[]" })),
    "MalformedPolicyDocument",
    400,
  );
  const listed = await iam.send(new ListPoliciesCommand({ Scope: "Local", PathPrefix: "/iotdm/" }));
  assert.deepEqual(
    listed.Policies?.map((p) => p.Arn),
    [policy.Arn],
  );
  assert.equal(listed.Policies?.[0].Tags, undefined);
  await rejectsWith(
    iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${sb.accountId}:policy/absent` })),
    "NoSuchEntity",
    404,
  );
  await rejectsWith(
    iam.send(new GetPolicyCommand({ PolicyArn: "not-an-arn-at-all-really" })),
    "InvalidInput",
    400,
  );
});

test("IAM-6 IAM-4: AttachRolePolicy (customer and AWS managed), idempotent; DeleteRole and DeletePolicy conflicts", async () => {
  const role = await newRole();
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: uniqueName("attach"), PolicyDocument: permissionsPolicy() }),
  );
  const customerArn = Policy?.Arn as string;
  const awsArn = "arn:aws:iam::aws:policy/service-role/AWSIoTThingsRegistration";
  await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: customerArn }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: customerArn }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: awsArn }));
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
  assert.deepEqual(
    attached.AttachedPolicies,
    [
      { PolicyName: "AWSIoTThingsRegistration", PolicyArn: awsArn },
      { PolicyName: Policy?.PolicyName, PolicyArn: customerArn },
    ].sort((a, b) => (a.PolicyArn < b.PolicyArn ? -1 : 1)),
  );
  const byPath = await iam.send(
    new ListAttachedRolePoliciesCommand({ RoleName: role, PathPrefix: "/service-role/" }),
  );
  assert.deepEqual(
    byPath.AttachedPolicies?.map((p) => p.PolicyArn),
    [awsArn],
  );
  const got = await iam.send(new GetPolicyCommand({ PolicyArn: customerArn }));
  assert.equal(got.Policy?.AttachmentCount, 1);
  const awsPolicy = await iam.send(new GetPolicyCommand({ PolicyArn: awsArn }));
  assert.equal(awsPolicy.Policy?.PolicyName, "AWSIoTThingsRegistration");
  assert.equal(awsPolicy.Policy?.Path, "/service-role/");
  const attachedOnly = await iam.send(new ListPoliciesCommand({ OnlyAttached: true }));
  assert.ok(attachedOnly.Policies?.some((p) => p.Arn === awsArn));
  assert.ok(attachedOnly.Policies?.some((p) => p.Arn === customerArn));

  await rejectsWith(
    iam.send(new DeleteRoleCommand({ RoleName: role })),
    "DeleteConflict",
    409,
    "Cannot delete entity, must detach all policies first.",
  );
  await rejectsWith(
    iam.send(new DeletePolicyCommand({ PolicyArn: customerArn })),
    "DeleteConflict",
    409,
    "Cannot delete a policy attached to entities.",
  );
  await rejectsWith(
    iam.send(
      new AttachRolePolicyCommand({
        RoleName: role,
        PolicyArn: `arn:aws:iam::${sb.accountId}:policy/absent-policy`,
      }),
    ),
    "NoSuchEntity",
    404,
  );
  await rejectsWith(
    iam.send(new AttachRolePolicyCommand({ RoleName: "no-such-role", PolicyArn: customerArn })),
    "NoSuchEntity",
    404,
  );
  await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: customerArn }));
  await rejectsWith(
    iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: customerArn })),
    "NoSuchEntity",
    404,
  );
  await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: awsArn }));
  await iam.send(new DeletePolicyCommand({ PolicyArn: customerArn }));
  await rejectsWith(iam.send(new GetPolicyCommand({ PolicyArn: customerArn })), "NoSuchEntity", 404);
  await iam.send(new DeleteRoleCommand({ RoleName: role }));
});

test("IAM-6: a role holds at most 10 managed policies (409 LimitExceeded)", async () => {
  const role = await newRole();
  for (let i = 0; i < 10; i++)
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: role, PolicyArn: `arn:aws:iam::aws:policy/P${i}` }),
    );
  await rejectsWith(
    iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: "arn:aws:iam::aws:policy/P10" })),
    "LimitExceeded",
    409,
  );
  const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, MaxItems: 4 }));
  assert.equal(page.AttachedPolicies?.length, 4);
  assert.equal(page.IsTruncated, true);
});

test("IAM-1 IAM-6: a permissions boundary must be an existing managed policy and blocks its deletion", async () => {
  const { Policy } = await iam.send(
    new CreatePolicyCommand({
      PolicyName: uniqueName("boundary"),
      PolicyDocument: permissionsPolicy("iot:*"),
    }),
  );
  const RoleName = uniqueName("bounded");
  await iam.send(
    new CreateRoleCommand({
      RoleName,
      AssumeRolePolicyDocument: trustPolicy(),
      PermissionsBoundary: Policy?.Arn,
    }),
  );
  const role = await iam.send(new GetRoleCommand({ RoleName }));
  assert.deepEqual(role.Role?.PermissionsBoundary, {
    PermissionsBoundaryType: "PermissionsBoundaryPolicy",
    PermissionsBoundaryArn: Policy?.Arn,
  });
  const boundaries = await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: "PermissionsBoundary" }));
  assert.deepEqual(
    boundaries.Policies?.map((p) => [p.Arn, p.PermissionsBoundaryUsageCount]),
    [[Policy?.Arn, 1]],
  );
  await rejectsWith(iam.send(new DeletePolicyCommand({ PolicyArn: Policy?.Arn })), "DeleteConflict", 409);
  await rejectsWith(
    iam.send(
      new CreateRoleCommand({
        RoleName: uniqueName("bounded"),
        AssumeRolePolicyDocument: trustPolicy(),
        PermissionsBoundary: `arn:aws:iam::${sb.accountId}:policy/absent-boundary`,
      }),
    ),
    "InvalidInput",
    400,
  );
});
