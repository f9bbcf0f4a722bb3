import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

test("ID-1: GetCallerIdentity returns the configured 12-digit account", async () => {
  const sts = new STSClient(sb.config);
  const out = await sts.send(new GetCallerIdentityCommand({}));
  assert.equal(out.Account, sb.accountId);
  assert.match(out.Account ?? "", /^\d{12}$/);
  assert.equal(out.Arn, `arn:aws:iam::${sb.accountId}:user/iotdm-sandbox`);
});

test("SIG-1: a wrong secret is refused with 403 SignatureDoesNotMatch", async () => {
  const sts = new STSClient({ ...sb.config, credentials: { ...sb.credentials, secretAccessKey: "wrong" } });
  await assert.rejects(
    sts.send(new GetCallerIdentityCommand({})),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.name, "SignatureDoesNotMatch");
      assert.equal(e.$metadata?.httpStatusCode, 403);
      return true;
    },
  );
});

test("SIG-1: an unknown access key is refused with 403 InvalidClientTokenId", async () => {
  const sts = new STSClient({
    ...sb.config,
    credentials: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: "x" },
  });
  await assert.rejects(sts.send(new GetCallerIdentityCommand({})), { name: "InvalidClientTokenId" });
});

test("QRY-3: an unknown Action answers 400 InvalidAction in the awsQuery envelope", async () => {
  const res = await fetch(sb.endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "Action=NoSuchThing&Version=2011-06-15",
  });
  // Without a signature the request is refused before routing.
  assert.equal(res.status, 403);
  const text = await res.text();
  assert.match(text, /<ErrorResponse/);
});
