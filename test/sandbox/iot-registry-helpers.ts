/** Shared by the iot-registry*.test.ts files: error assertions and unique names. */
import assert from "node:assert/strict";
import { CreateThingTypeCommand, type IoTClient } from "@aws-sdk/client-iot";

interface SdkError extends Error {
  $metadata?: { httpStatusCode?: number };
  [member: string]: unknown;
}

/** Awaits `p`, expects it to fail with `code` and `status`, and returns the error. */
export async function expectError(
  p: Promise<unknown>,
  code: string,
  status: number,
  message?: RegExp,
): Promise<SdkError> {
  let caught: SdkError | undefined;
  try {
    await p;
  } catch (e) {
    caught = e as SdkError;
  }
  assert.ok(caught, `expected ${code} (${status}) but the call succeeded`);
  assert.equal(caught.name, code, `wrong error: ${caught.name}: ${caught.message}`);
  assert.equal(caught.$metadata?.httpStatusCode, status);
  if (message) assert.match(caught.message, message);
  return caught;
}

let counter = 0;
/** A resource name unique within this test process. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Creates a thing type with a unique name and returns the name. */
export async function createThingType(
  iot: IoTClient,
  thingTypeProperties: { searchableAttributes?: string[] } = {},
): Promise<string> {
  const thingTypeName = uniqueName("type");
  await iot.send(new CreateThingTypeCommand({ thingTypeName, thingTypeProperties }));
  return thingTypeName;
}
