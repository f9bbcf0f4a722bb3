/** Shared by the IAM tests: error assertions and sample policy documents. */
import assert from "node:assert/strict";

interface QueryError {
  name?: string;
  Error?: { Code?: string; Type?: string };
  $metadata?: { httpStatusCode?: number };
  message?: string;
}

/** Asserts that the call fails with the awsQuery code (QRY-3 `Error.Code`) and HTTP status. */
export async function rejectsWith(
  call: Promise<unknown>,
  code: string,
  status: number,
  message?: RegExp | string,
): Promise<void> {
  await assert.rejects(call, (e: QueryError) => {
    assert.equal(e.Error?.Code, code, `code (got ${e.name}: ${e.message})`);
    assert.equal(e.$metadata?.httpStatusCode, status);
    assert.equal(e.Error?.Type, status >= 500 ? "Receiver" : "Sender");
    if (typeof message === "string") assert.equal(e.message, message);
    else if (message) assert.match(e.message ?? "", message);
    return true;
  });
}

export const trustPolicy = (service = "iot.amazonaws.com"): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

export const permissionsPolicy = (action = "iot:DescribeThing", resource = "*"): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: action, Resource: resource }],
  });

let counter = 0;
/** A role or policy name unique within the test file. */
export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;
