/**
 * The IAM roles iotdm creates in this region (logging, jobs, package configuration; the logging
 * role too, Q-21): tag, then the exact role names. A role goes with its inline policies
 * (association), after its managed policies and instance profiles let go of it.
 */
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import { allPages } from "../../aws/parallel.js";
import { workshopRoleNames } from "../naming.js";
import { type CleanupContext, deleteOnce, guard, settle, verdict } from "./context.js";
import { identify, isNotFound, rolesPattern, roleTags } from "./identify.js";
import type { Outcome } from "./types.js";

async function inlinePolicies(ctx: CleanupContext, RoleName: string): Promise<string[]> {
  return allPages(
    (Marker) => ctx.session.clients.iam.send(new ListRolePoliciesCommand({ RoleName, Marker })),
    (p) => p.PolicyNames,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
}

const dependents = (role: string, policies: string[]): Outcome["dependents"] =>
  policies.length
    ? [{ family: "rolePolicies", names: policies, association: "policyOfRole", evidence: role }]
    : [];

async function remove(ctx: CleanupContext, RoleName: string) {
  const iam = ctx.session.clients.iam;
  const inline = await inlinePolicies(ctx, RoleName);
  for (const PolicyName of inline)
    await deleteOnce(() => iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })));
  const managed = await allPages(
    (Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName, Marker })),
    (p) => p.AttachedPolicies,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
  for (const p of managed)
    await deleteOnce(() => iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn })));
  const profiles = await allPages(
    (Marker) => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName, Marker })),
    (p) => p.InstanceProfiles,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
  for (const p of profiles)
    await deleteOnce(() =>
      iam.send(
        new RemoveRoleFromInstanceProfileCommand({ RoleName, InstanceProfileName: p.InstanceProfileName }),
      ),
    );
  await deleteOnce(() => iam.send(new DeleteRoleCommand({ RoleName })));
  return dependents(RoleName, inline.sort());
}

async function exists(ctx: CleanupContext, RoleName: string): Promise<boolean> {
  try {
    await ctx.session.clients.iam.send(new GetRoleCommand({ RoleName }));
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

export async function cleanRoles(ctx: CleanupContext): Promise<void> {
  const { region, accountId } = ctx.session;
  const present: string[] = [];
  for (const name of workshopRoleNames(region, accountId)) if (await exists(ctx, name)) present.push(name);
  ctx.tally.scanned("roles", present.length);
  const pattern = rolesPattern(region, accountId);
  for (const name of present)
    await guard(ctx, "roles", name, async () => {
      const id = identify(name, await roleTags(ctx.session, name), pattern);
      await settle(
        ctx,
        verdict("roles", name, id),
        () => remove(ctx, name),
        async () => dependents(name, (await inlinePolicies(ctx, name)).sort()),
      );
    });
  ctx.tally.flush("roles");
}
