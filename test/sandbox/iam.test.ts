import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListInstanceProfilesForRoleCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
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

const createRole = (
  RoleName: string,
  extra: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {},
) => iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustPolicy(), ...extra }));

test("IAM-1 ID-3 QRY-4: CreateRole returns the role with an AROA id, its ARN and the URL-encoded trust policy", async () => {
  const name = uniqueName("create");
  const out = await createRole(name, {
    Path: "/workshop/",
    Description: "bulk provisioning role",
    MaxSessionDuration: 14400,
    Tags: [{ Key: "project", Value: "iotdm" }],
  });
  const role = out.Role!;
  assert.equal(role.RoleName, name);
  assert.equal(role.Path, "/workshop/");
  assert.match(role.RoleId ?? "", /^AROA[A-Z0-9]{17}$/);
  assert.equal(role.Arn, `arn:aws:iam::${sb.accountId}:role/workshop/${name}`);
  assert.equal(role.AssumeRolePolicyDocument, encodeURIComponent(trustPolicy()));
  assert.deepEqual(
    JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument ?? "")),
    JSON.parse(trustPolicy()),
  );
  assert.equal(role.MaxSessionDuration, 14400);
  assert.equal(role.Description, "bulk provisioning role");
  assert.deepEqual(role.Tags, [{ Key: "project", Value: "iotdm" }]);
  assert.ok(role.CreateDate instanceof Date && Math.abs(role.CreateDate.getTime() - Date.now()) < 60_000);
  const root = await createRole(uniqueName("root"));
  assert.equal(root.Role?.Path, "/");
  assert.equal(root.Role?.MaxSessionDuration, 3600);
  assert.equal(root.Role?.Arn, `arn:aws:iam::${sb.accountId}:role/${root.Role?.RoleName}`);
});

test("IAM-1: role names are unique case-insensitively (409 EntityAlreadyExists)", async () => {
  const name = uniqueName("dup");
  await createRole(name);
  await rejectsWith(
    createRole(name.toUpperCase()),
    "EntityAlreadyExists",
    409,
    `Role with name ${name.toUpperCase()} already exists.`,
  );
});

test("IAM-1: a trust policy that is not a JSON policy is 400 MalformedPolicyDocument", async () => {
  await rejectsWith(
    createRole(uniqueName("bad"), { AssumeRolePolicyDocument: "{not json" }),
    "MalformedPolicyDocument",
    400,
  );
  const noPrincipal = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }],
  });
  await rejectsWith(
    createRole(uniqueName("bad"), { AssumeRolePolicyDocument: noPrincipal }),
    "MalformedPolicyDocument",
    400,
    "Missing required field Principal",
  );
  await rejectsWith(
    createRole(uniqueName("bad"), { AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17" }) }),
    "MalformedPolicyDocument",
    400,
  );
});

test("VAL-1: constraint violations on CreateRole are 400 ValidationError", async () => {
  await rejectsWith(createRole("bad name!"), "ValidationError", 400, /RoleName/);
  await rejectsWith(createRole("x".repeat(65)), "ValidationError", 400, /RoleName/);
  await rejectsWith(
    createRole(uniqueName("dur"), { MaxSessionDuration: 100 }),
    "ValidationError",
    400,
    /MaxSessionDuration/,
  );
  await rejectsWith(createRole(uniqueName("path"), { Path: "/no-trailing" }), "ValidationError", 400, /path/);
  await rejectsWith(
    iam.send(new CreateRoleCommand({ RoleName: uniqueName("nodoc") } as never)),
    "ValidationError",
    400,
    /AssumeRolePolicyDocument/,
  );
});

test("IAM-2: GetRole returns the role with RoleLastUsed; an unknown role is 404 NoSuchEntity", async () => {
  const name = uniqueName("get");
  const created = await createRole(name, { Tags: [{ Key: "k", Value: "v" }] });
  const out = await iam.send(new GetRoleCommand({ RoleName: name }));
  assert.equal(out.Role?.RoleId, created.Role?.RoleId);
  assert.equal(out.Role?.Arn, created.Role?.Arn);
  assert.equal(out.Role?.AssumeRolePolicyDocument, encodeURIComponent(trustPolicy()));
  assert.deepEqual(out.Role?.RoleLastUsed, {});
  assert.deepEqual(out.Role?.Tags, [{ Key: "k", Value: "v" }]);
  const byOtherCase = await iam.send(new GetRoleCommand({ RoleName: name.toUpperCase() }));
  assert.equal(byOtherCase.Role?.RoleName, name);
  await rejectsWith(
    iam.send(new GetRoleCommand({ RoleName: "no-such-role" })),
    "NoSuchEntity",
    404,
    "The role with name no-such-role cannot be found.",
  );
});

test("ListRoles: PathPrefix filters, Marker/MaxItems paginate with IsTruncated", async () => {
  const prefix = `/list-${process.pid}/`;
  const names = ["c", "a", "e", "b", "d"].map((s) => `${s}-${uniqueName("list")}`);
  for (const n of names) await createRole(n, { Path: prefix });
  await createRole(uniqueName("elsewhere"), { Path: "/other/" });
  const seen: string[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const page = await iam.send(new ListRolesCommand({ PathPrefix: prefix, MaxItems: 2, Marker: marker }));
    pages++;
    assert.ok((page.Roles ?? []).length <= 2);
    for (const r of page.Roles ?? []) {
      assert.equal(r.Path, prefix);
      assert.equal(r.Tags, undefined);
      seen.push(r.RoleName ?? "");
    }
    assert.equal(page.IsTruncated, page.Marker !== undefined);
    marker = page.Marker;
  } while (marker);
  assert.equal(pages, 3);
  assert.deepEqual(seen, [...names].sort());
  const all = await iam.send(new ListRolesCommand({}));
  assert.equal(all.IsTruncated, false);
  assert.ok((all.Roles ?? []).some((r) => r.Path === "/other/"));
  await rejectsWith(iam.send(new ListRolesCommand({ Marker: "not-a-marker" })), "ValidationError", 400);
});

test("UpdateRole and UpdateAssumeRolePolicy change the role (IAM-7: visible immediately)", async () => {
  const name = uniqueName("upd");
  await createRole(name);
  await iam.send(new UpdateRoleCommand({ RoleName: name, Description: "new", MaxSessionDuration: 7200 }));
  const newTrust = trustPolicy("credentials.iot.amazonaws.com");
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: newTrust }));
  const out = await iam.send(new GetRoleCommand({ RoleName: name }));
  assert.equal(out.Role?.Description, "new");
  assert.equal(out.Role?.MaxSessionDuration, 7200);
  assert.equal(decodeURIComponent(out.Role?.AssumeRolePolicyDocument ?? ""), newTrust);
  await rejectsWith(
    iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: permissionsPolicy() })),
    "MalformedPolicyDocument",
    400,
  );
  await rejectsWith(iam.send(new UpdateRoleCommand({ RoleName: "missing-role" })), "NoSuchEntity", 404);
});

test("IAM-4: DeleteRole deletes a role without policies; unknown is 404; inline policies are a 409 DeleteConflict", async () => {
  const name = uniqueName("del");
  await createRole(name);
  await iam.send(
    new PutRolePolicyCommand({ RoleName: name, PolicyName: "p", PolicyDocument: permissionsPolicy() }),
  );
  await rejectsWith(
    iam.send(new DeleteRoleCommand({ RoleName: name })),
    "DeleteConflict",
    409,
    "Cannot delete entity, must delete policies first.",
  );
  const plain = uniqueName("del");
  await createRole(plain);
  const profiles = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: plain }));
  assert.deepEqual(profiles.InstanceProfiles, []);
  assert.equal(profiles.IsTruncated, false);
  await iam.send(new DeleteRoleCommand({ RoleName: plain }));
  await rejectsWith(iam.send(new GetRoleCommand({ RoleName: plain })), "NoSuchEntity", 404);
  await rejectsWith(iam.send(new DeleteRoleCommand({ RoleName: plain })), "NoSuchEntity", 404);
  await rejectsWith(
    iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: plain })),
    "NoSuchEntity",
    404,
  );
  // The name is free again.
  await createRole(plain);
});

test("IAM-5: TagRole adds and overwrites (keys case-insensitive), ListRoleTags sorts, UntagRole removes", async () => {
  const name = uniqueName("tags");
  await createRole(name, { Tags: [{ Key: "Zone", Value: "1" }] });
  await iam.send(
    new TagRoleCommand({
      RoleName: name,
      Tags: [
        { Key: "b", Value: "2" },
        { Key: "a", Value: "" },
        { Key: "zone", Value: "9" },
      ],
    }),
  );
  const tags = await iam.send(new ListRoleTagsCommand({ RoleName: name }));
  assert.deepEqual(tags.Tags, [
    { Key: "a", Value: "" },
    { Key: "b", Value: "2" },
    { Key: "zone", Value: "9" },
  ]);
  assert.equal(tags.IsTruncated, false);
  const first = await iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 2 }));
  assert.equal(first.IsTruncated, true);
  const second = await iam.send(new ListRoleTagsCommand({ RoleName: name, Marker: first.Marker }));
  assert.deepEqual([...(first.Tags ?? []), ...(second.Tags ?? [])], tags.Tags);
  await iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: ["A", "missing"] }));
  const left = await iam.send(new ListRoleTagsCommand({ RoleName: name }));
  assert.deepEqual(
    left.Tags?.map((t) => t.Key),
    ["b", "zone"],
  );
  await rejectsWith(iam.send(new ListRoleTagsCommand({ RoleName: "missing-role" })), "NoSuchEntity", 404);
});

test("IAM-5: more than 50 tags in total is 409 LimitExceeded; reserved and duplicate keys are InvalidInput", async () => {
  const name = uniqueName("tagmax");
  const tags = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ Key: `k${from + i}`, Value: "v" }));
  await createRole(name, { Tags: tags(0, 30) });
  await iam.send(new TagRoleCommand({ RoleName: name, Tags: tags(20, 30) }));
  await rejectsWith(
    iam.send(new TagRoleCommand({ RoleName: name, Tags: tags(50, 1) })),
    "LimitExceeded",
    409,
  );
  await rejectsWith(
    iam.send(new TagRoleCommand({ RoleName: name, Tags: tags(0, 51) })),
    "ValidationError",
    400,
  );
  await rejectsWith(
    iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "aws:x", Value: "v" }] })),
    "InvalidInput",
    400,
  );
  await rejectsWith(
    iam.send(
      new TagRoleCommand({
        RoleName: name,
        Tags: [
          { Key: "k1", Value: "a" },
          { Key: "K1", Value: "b" },
        ],
      }),
    ),
    "InvalidInput",
    400,
  );
  const listed = await iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 100 }));
  assert.equal(listed.Tags?.length, 50);
});

test("IAM-7: roles survive a kill -9 restart of the sandbox", async () => {
  const name = uniqueName("persist");
  const created = await createRole(name, { Tags: [{ Key: "p", Value: "1" }] });
  await sb.restart({ kill: true });
  const out = await iam.send(new GetRoleCommand({ RoleName: name }));
  assert.equal(out.Role?.RoleId, created.Role?.RoleId);
  assert.deepEqual(out.Role?.Tags, [{ Key: "p", Value: "1" }]);
});

test("QRY-3 QRY-4: boto3 decodes the trust and inline policies into dicts and sees Error.Code NoSuchEntity", async () => {
  const name = uniqueName("boto");
  await createRole(name);
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: name,
      PolicyName: "inline",
      PolicyDocument: permissionsPolicy("s3:GetObject"),
    }),
  );
  const script = `
import json, sys, boto3, botocore.exceptions
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
role = iam.get_role(RoleName=sys.argv[2])["Role"]
policy = iam.get_role_policy(RoleName=sys.argv[2], PolicyName="inline")["PolicyDocument"]
try:
    iam.get_role(RoleName="boto-missing-role")
    missing = None
except botocore.exceptions.ClientError as e:
    missing = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
print(json.dumps({"trust": role["AssumeRolePolicyDocument"], "policy": policy, "missing": missing}))
`;
  const stdout = execFileSync("python3", ["-c", script, sb.endpoint, name], {
    env: { ...process.env, ...sb.env, AWS_ENDPOINT_URL: "" },
    encoding: "utf8",
  });
  const result = JSON.parse(stdout) as { trust: unknown; policy: unknown; missing: unknown };
  assert.deepEqual(result.trust, JSON.parse(trustPolicy()));
  assert.deepEqual(result.policy, JSON.parse(permissionsPolicy("s3:GetObject")));
  assert.deepEqual(result.missing, { code: "NoSuchEntity", status: 404 });
});
