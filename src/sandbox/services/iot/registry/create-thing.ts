import { randomUUID } from "node:crypto";
import type { CreateThingRequest, CreateThingResponse } from "@aws-sdk/client-iot";
import { defineOperation, type OperationContext } from "../../types.js";
import { notFound } from "../common.js";
import { checkThingAttributeCount } from "./attributes.js";
import { attributePayloadConstraints, resourceName } from "./constraints.js";
import { alreadyExists, requireUsableThingType, sameJson, thingArn, thingChanged, things } from "./model.js";

/** Billing groups are not part of the sandbox, so no name can refer to an existing one. */
function requireBillingGroup(_ctx: OperationContext, name: string | undefined): void {
  if (name !== undefined) throw notFound(`Billing group ${name} cannot be found.`);
}

/**
 * THG-1: same name, type and attributes → the existing thing; anything different → 409.
 * THG-2: attribute limits, and the type must exist and not be deprecated.
 */
export const createThing = defineOperation<CreateThingRequest, CreateThingResponse>({
  name: "CreateThing",
  constraints: {
    thingName: resourceName,
    thingTypeName: resourceName,
    billingGroupName: resourceName,
    ...attributePayloadConstraints("attributePayload"),
  },
  handler: (input, ctx) => {
    const name = input.thingName as string;
    const attributes = { ...(input.attributePayload?.attributes ?? {}) };
    const arn = thingArn(ctx, name);
    const existing = things(ctx).get(name);
    if (existing) {
      if (
        existing.thingTypeName !== input.thingTypeName ||
        existing.billingGroupName !== input.billingGroupName ||
        !sameJson(existing.attributes, attributes)
      )
        throw alreadyExists(
          `Thing ${name} already exists in account with different attributes`,
          existing.thingId,
          arn,
        );
      return { thingName: name, thingArn: arn, thingId: existing.thingId };
    }
    if (input.thingTypeName !== undefined) requireUsableThingType(ctx, input.thingTypeName);
    checkThingAttributeCount(attributes, input.thingTypeName !== undefined);
    requireBillingGroup(ctx, input.billingGroupName);
    const thingId = randomUUID();
    things(ctx).put(name, {
      thingName: name,
      thingId,
      thingTypeName: input.thingTypeName,
      attributes,
      version: 1,
      billingGroupName: input.billingGroupName,
      creationDate: ctx.clock.now().toISOString(),
    });
    thingChanged(ctx, name);
    return { thingName: name, thingArn: arn, thingId };
  },
});
