/**
 * Certificates that workshop things held (association), once every workshop thing has let go
 * of them: a certificate still attached to a thing that stays is left alone. Deletion detaches
 * its IoT policies, deactivates it, then deletes it. The IoT policies detached on the
 * way are deleted too when they carry the workshop tag and nothing else uses them.
 */
import {
  DeleteCertificateCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachPolicyCommand,
  GetPolicyCommand,
  ListAttachedPoliciesCommand,
  ListPolicyVersionsCommand,
  ListPrincipalThingsCommand,
  ListTargetsForPolicyCommand,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, retryOn, settle, verdict } from "./context.js";
import { iotTags, TAG_EVIDENCE } from "./identify.js";
import { shortList } from "./report.js";
import { isWorkshopTagSet } from "../tags.js";

const IN_FLIGHT = 8;
const certificateId = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

async function attachedPolicies(ctx: CleanupContext, target: string): Promise<string[]> {
  const policies = await allPages(
    (marker) =>
      ctx.session.clients.iot.send(new ListAttachedPoliciesCommand({ target, marker, pageSize: 250 })),
    (p) => p.policies,
    (p) => p.nextMarker,
  );
  return policies.map((p) => p.policyName ?? "");
}

async function removeCertificate(ctx: CleanupContext, arn: string): Promise<void> {
  const iot = ctx.session.clients.iot;
  const id = certificateId(arn);
  for (const policyName of await attachedPolicies(ctx, arn)) {
    ctx.found.policies.add(policyName);
    await iot.send(new DetachPolicyCommand({ policyName, target: arn }));
  }
  await iot.send(new UpdateCertificateCommand({ certificateId: id, newStatus: "INACTIVE" }));
  // forceDelete as well: a policy attached meanwhile must not leave the certificate behind.
  // A thing detached a moment ago may still hold it on AWS (DeleteConflictException).
  await retryOn(
    ["DeleteConflictException"],
    6,
    (n) => 1000 * n,
    () => deleteOnce(() => iot.send(new DeleteCertificateCommand({ certificateId: id, forceDelete: true }))),
  );
}

export async function cleanCertificates(ctx: CleanupContext): Promise<void> {
  const certificates = [...ctx.found.certificates];
  if (certificates.length === 0) return;
  ctx.tally.scanned("certificates", certificates.length);
  await mapLimit(certificates, ctx.session.concurrency(IN_FLIGHT), ([arn, holders]) =>
    guard(ctx, "certificates", certificateId(arn), () => certificate(ctx, arn, holders)),
  );
  ctx.tally.flush("certificates");
}

async function certificate(ctx: CleanupContext, arn: string, holders: string[]): Promise<void> {
  const name = certificateId(arn);
  const attached = await allPages(
    (nextToken) =>
      ctx.session.clients.iot.send(
        new ListPrincipalThingsCommand({ principal: arn, nextToken, maxResults: 250 }),
      ),
    (p) => p.things,
    (p) => p.nextToken,
  );
  const others = attached.filter((thing) => !ctx.found.workshopThings.has(thing));
  const outcome =
    others.length > 0
      ? verdict("certificates", name, {
          workshop: false,
          reason: "certificateShared",
          evidence: shortList(others),
        })
      : verdict("certificates", name, {
          workshop: true,
          method: "association",
          association: "certificateOfThings",
          evidence: shortList(holders),
        });
  await settle(
    ctx,
    outcome,
    () => removeCertificate(ctx, arn),
    async () => {
      for (const p of await attachedPolicies(ctx, arn)) ctx.found.policies.add(p);
    },
  );
}

async function remainingTargets(ctx: CleanupContext, policyName: string): Promise<string[]> {
  const targets = await allPages(
    (marker) =>
      ctx.session.clients.iot.send(new ListTargetsForPolicyCommand({ policyName, marker, pageSize: 250 })),
    (p) => p.targets,
    (p) => p.nextMarker,
  );
  // In a dry run the workshop certificates are still attached: they would be gone by now.
  return targets.filter((t) => !ctx.found.certificates.has(t));
}

async function removePolicy(ctx: CleanupContext, policyName: string): Promise<void> {
  const iot = ctx.session.clients.iot;
  try {
    await deleteOnce(() => iot.send(new DeletePolicyCommand({ policyName })));
  } catch (e) {
    if ((e as Error).name !== "DeleteConflictException") throw e;
    // Non-default versions block DeletePolicy: delete them, then the policy.
    const versions = await iot.send(new ListPolicyVersionsCommand({ policyName }));
    for (const v of versions.policyVersions ?? [])
      if (!v.isDefaultVersion)
        await deleteOnce(() =>
          iot.send(new DeletePolicyVersionCommand({ policyName, policyVersionId: v.versionId })),
        );
    await deleteOnce(() => iot.send(new DeletePolicyCommand({ policyName })));
  }
}

/** IoT policies freed by the certificates above: tag required (a policy may serve others). */
export async function cleanPolicies(ctx: CleanupContext): Promise<void> {
  const policies = [...ctx.found.policies].sort();
  if (policies.length === 0) return;
  ctx.tally.scanned("policies", policies.length);
  for (const policyName of policies) await guard(ctx, "policies", policyName, () => policy(ctx, policyName));
  ctx.tally.flush("policies");
}

async function policy(ctx: CleanupContext, policyName: string): Promise<void> {
  const policy = await ctx.session.clients.iot.send(new GetPolicyCommand({ policyName }));
  const tagged = isWorkshopTagSet(await iotTags(ctx.session, policy.policyArn ?? ""));
  const others = tagged ? await remainingTargets(ctx, policyName) : [];
  const outcome = !tagged
    ? verdict("policies", policyName, { workshop: false, reason: "noTag", evidence: TAG_EVIDENCE })
    : others.length > 0
      ? verdict("policies", policyName, {
          workshop: false,
          reason: "policyInUse",
          evidence: shortList(others),
        })
      : verdict("policies", policyName, { workshop: true, method: "tag", evidence: TAG_EVIDENCE });
  await settle(ctx, outcome, () => removePolicy(ctx, policyName));
}
