import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AttachPolicyCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  CreateThingGroupCommand,
  DeletePolicyCommand,
  DeleteThingGroupCommand,
  DetachPolicyCommand,
  GetPolicyCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { rejectsWith, uniqueName } from "./iot-security-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const document = (action = "iot:Connect", resource = "*") =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: [action], Resource: [resource] }],
  });

const createPolicy = (policyName: string, policyDocument = document()) =>
  iot.send(new CreatePolicyCommand({ policyName, policyDocument }));

const newCertificateArn = async () =>
  (await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }))).certificateArn ?? "";

test("POL-1: CreatePolicy returns version 1; GetPolicy returns the document, dates and generation", async () => {
  const policyName = uniqueName("device-policy");
  const created = await createPolicy(policyName, document("iot:Publish", "arn:aws:iot:*:*:topic/t"));
  const arn = `arn:aws:iot:${sb.region}:${sb.accountId}:policy/${policyName}`;
  assert.equal(created.policyName, policyName);
  assert.equal(created.policyArn, arn);
  assert.equal(created.policyDocument, document("iot:Publish", "arn:aws:iot:*:*:topic/t"));
  assert.equal(created.policyVersionId, "1");
  const got = await iot.send(new GetPolicyCommand({ policyName }));
  assert.equal(got.policyArn, arn);
  assert.equal(got.policyDocument, created.policyDocument);
  assert.equal(got.defaultVersionId, "1");
  assert.ok(got.creationDate instanceof Date);
  assert.equal(got.lastModifiedDate?.getTime(), got.creationDate?.getTime());
  assert.match(got.generationId ?? "", /^[0-9a-f]{64}$/);
});

test("POL-1: existing name 409, malformed or oversized document 400, unknown policy 404, bad name 400", async () => {
  const policyName = uniqueName("dup");
  await createPolicy(policyName);
  await assert.rejects(createPolicy(policyName), (e: Error & Record<string, unknown>) => {
    assert.equal(e.name, "ResourceAlreadyExistsException");
    assert.equal((e.$metadata as { httpStatusCode: number }).httpStatusCode, 409);
    assert.equal(e.resourceId, policyName);
    assert.equal(e.resourceArn, `arn:aws:iot:${sb.region}:${sb.accountId}:policy/${policyName}`);
    return true;
  });
  await rejectsWith(createPolicy(uniqueName("bad"), "{"), "MalformedPolicyException", 400);
  await rejectsWith(
    createPolicy(uniqueName("bad"), JSON.stringify({ Statement: [] })),
    "MalformedPolicyException",
    400,
  );
  await rejectsWith(
    createPolicy(uniqueName("bad"), JSON.stringify({ Statement: [{ Effect: "Allow", Action: "iot:*" }] })),
    "MalformedPolicyException",
    400,
  );
  const big = document("iot:Connect", `arn:aws:iot:*:*:client/${"c".repeat(2000)}`);
  await rejectsWith(createPolicy(uniqueName("big"), big), "MalformedPolicyException", 400, /2048/);
  await rejectsWith(createPolicy("bad name!"), "InvalidRequestException", 400);
  await rejectsWith(
    iot.send(new GetPolicyCommand({ policyName: uniqueName("absent") })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new DeletePolicyCommand({ policyName: uniqueName("absent") })),
    "ResourceNotFoundException",
    404,
  );
});

test("POL-1: AttachPolicy / ListAttachedPolicies / ListTargetsForPolicy; DeletePolicy with attachments is 409", async () => {
  const policyName = uniqueName("attach");
  await createPolicy(policyName);
  const certArn = await newCertificateArn();
  const groupName = uniqueName("group");
  const group = await iot.send(new CreateThingGroupCommand({ thingGroupName: groupName }));
  await iot.send(new AttachPolicyCommand({ policyName, target: certArn }));
  await iot.send(new AttachPolicyCommand({ policyName, target: certArn }));
  await iot.send(new AttachPolicyCommand({ policyName, target: group.thingGroupArn }));
  const attached = await iot.send(new ListAttachedPoliciesCommand({ target: certArn }));
  assert.deepEqual(attached.policies, [
    { policyName, policyArn: `arn:aws:iot:${sb.region}:${sb.accountId}:policy/${policyName}` },
  ]);
  const targets = await iot.send(new ListTargetsForPolicyCommand({ policyName }));
  assert.deepEqual(targets.targets, [certArn, group.thingGroupArn].sort());
  await rejectsWith(iot.send(new DeletePolicyCommand({ policyName })), "DeleteConflictException", 409);
  await iot.send(new DetachPolicyCommand({ policyName, target: certArn }));
  await iot.send(new DetachPolicyCommand({ policyName, target: certArn }));
  await iot.send(new DetachPolicyCommand({ policyName, target: group.thingGroupArn }));
  assert.deepEqual((await iot.send(new ListAttachedPoliciesCommand({ target: certArn }))).policies, []);
  await iot.send(new DeletePolicyCommand({ policyName }));
  await rejectsWith(iot.send(new GetPolicyCommand({ policyName })), "ResourceNotFoundException", 404);
  await rejectsWith(
    iot.send(new ListTargetsForPolicyCommand({ policyName })),
    "ResourceNotFoundException",
    404,
  );
  // The name can be used again.
  await createPolicy(policyName);
});

test("POL-1: DeleteThingGroup detaches the policies attached to the group; one made again under its name has none", async () => {
  const policyName = uniqueName("grouped");
  await createPolicy(policyName);
  const groupName = uniqueName("gone");
  const group = await iot.send(new CreateThingGroupCommand({ thingGroupName: groupName }));
  await iot.send(new AttachPolicyCommand({ policyName, target: group.thingGroupArn }));
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: groupName }));
  assert.deepEqual((await iot.send(new ListTargetsForPolicyCommand({ policyName }))).targets, []);
  const again = await iot.send(new CreateThingGroupCommand({ thingGroupName: groupName }));
  assert.equal(again.thingGroupArn, group.thingGroupArn);
  assert.deepEqual(
    (await iot.send(new ListAttachedPoliciesCommand({ target: again.thingGroupArn }))).policies,
    [],
  );
  await iot.send(new DeletePolicyCommand({ policyName }));
});

test("POL-1: attach errors: unknown policy or certificate 404, invalid target 400, more than 10 policies 410", async () => {
  const certArn = await newCertificateArn();
  await rejectsWith(
    iot.send(new AttachPolicyCommand({ policyName: uniqueName("absent"), target: certArn })),
    "ResourceNotFoundException",
    404,
  );
  const policyName = uniqueName("p");
  await createPolicy(policyName);
  const unknownCert = `arn:aws:iot:${sb.region}:${sb.accountId}:cert/${"c".repeat(64)}`;
  await rejectsWith(
    iot.send(new AttachPolicyCommand({ policyName, target: unknownCert })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new ListAttachedPoliciesCommand({ target: unknownCert })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new AttachPolicyCommand({ policyName, target: "nonsense" })),
    "InvalidRequestException",
    400,
  );
  const names: string[] = [];
  for (let i = 0; i < 10; i++) {
    const name = uniqueName("many");
    names.push(name);
    await createPolicy(name);
    await iot.send(new AttachPolicyCommand({ policyName: name, target: certArn }));
  }
  await rejectsWith(
    iot.send(new AttachPolicyCommand({ policyName, target: certArn })),
    "LimitExceededException",
    410,
  );
  const first = await iot.send(new ListAttachedPoliciesCommand({ target: certArn, pageSize: 6 }));
  assert.equal(first.policies?.length, 6);
  assert.ok(first.nextMarker);
  const second = await iot.send(
    new ListAttachedPoliciesCommand({ target: certArn, pageSize: 6, marker: first.nextMarker }),
  );
  assert.equal(second.nextMarker, undefined);
  assert.deepEqual(
    [...(first.policies ?? []), ...(second.policies ?? [])].map((p) => p.policyName),
    [...names].sort(),
  );
});

test("ListPolicies: newest first by default, ascendingOrder reverses, marker paging", async () => {
  const created: string[] = [];
  for (let i = 0; i < 3; i++) {
    await sb.advanceClock(2);
    const name = uniqueName("list");
    created.push(name);
    await createPolicy(name);
  }
  const collect = async (ascendingOrder?: boolean) => {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iot.send(new ListPoliciesCommand({ pageSize: 2, marker, ascendingOrder }));
      for (const p of page.policies ?? []) {
        assert.equal(p.policyArn, `arn:aws:iot:${sb.region}:${sb.accountId}:policy/${p.policyName}`);
        names.push(p.policyName ?? "");
      }
      marker = page.nextMarker;
    } while (marker);
    return names;
  };
  const descending = await collect();
  assert.deepEqual(descending.slice(0, 3), [...created].reverse());
  assert.deepEqual(await collect(true), [...descending].reverse());
});
