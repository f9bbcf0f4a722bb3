/**
 * Step 9b, the fleet: per device CreateThing, AddThingToThingGroup and two shadow updates
 * (classic battery level, `$package` at the first version), many devices in flight. No
 * lookup precedes CreateThing: it succeeds for an identical thing, and a thing that exists
 * with other attributes (a re-run draws new random ones) answers 409, on which that one
 * thing is updated instead and moved out of other country groups.
 */
import { randomInt, randomUUID } from "node:crypto";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  ListThingGroupsForThingCommand,
  RemoveThingFromThingGroupCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import { type IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { COUNTRY_GROUP_PATTERN, countryGroupName } from "../naming.js";
import type { StepContext } from "./context.js";
import { describeError, hasCode, isTransient } from "../errors.js";
import { type DeviceSpec, deviceAt } from "./plan.js";
import type { ThingsResult } from "./report.js";

/** Devices in flight: enough to keep the sandbox (or the paced AWS quota) busy. */
export const THING_CONCURRENCY = 64;
/** Devices written at once in the pass over those a burst of transient failures left (provisionDevices). */
const LATE_RETRY_CONCURRENCY = 4;
const MAX_REPORTED_FAILURES = 20;
const DAY_MS = 86_400_000;

export const PACKAGE_SHADOW = "$package";

function randomManufacturingDate(now = Date.now()): string {
  return new Date(now - randomInt(0, 365) * DAY_MS).toISOString().slice(0, 10);
}

export function deviceAttributes(country: string): Record<string, string> {
  return { customerId: randomUUID(), country, manufacturingDate: randomManufacturingDate() };
}

const encoder = new TextEncoder();

export const classicShadow = (batteryStatus: number) =>
  encoder.encode(JSON.stringify({ state: { reported: { batteryStatus } } }));

export const packageShadow = (thingType: string, version: string) =>
  encoder.encode(JSON.stringify({ state: { reported: { [thingType]: { version, attributes: {} } } } }));

class DeviceWriter {
  constructor(
    private readonly ctx: StepContext,
    private readonly data: IoTDataPlaneClient,
    private readonly firstVersion: string,
  ) {}

  private get iot() {
    return this.ctx.session.clients.iot;
  }

  /** A thing from an earlier run: plan attributes and type, and only its own country group. */
  private async converge(d: DeviceSpec, attributes: Record<string, string>): Promise<void> {
    await this.iot.send(
      new UpdateThingCommand({
        thingName: d.name,
        thingTypeName: d.thingType,
        attributePayload: { attributes, merge: true },
      }),
    );
    const groups = await allPages(
      (nextToken) => this.iot.send(new ListThingGroupsForThingCommand({ thingName: d.name, nextToken })),
      (page) => page.thingGroups?.map((g) => g.groupName ?? ""),
      (page) => page.nextToken,
    );
    const own = countryGroupName(d.country);
    for (const g of groups.filter((n) => COUNTRY_GROUP_PATTERN.test(n) && n !== own))
      await this.iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: g, thingName: d.name }));
  }

  /** Returns whether the thing existed before. */
  async write(d: DeviceSpec): Promise<boolean> {
    const attributes = deviceAttributes(d.country);
    let existed = false;
    try {
      await this.iot.send(
        new CreateThingCommand({
          thingName: d.name,
          thingTypeName: d.thingType,
          attributePayload: { attributes },
        }),
      );
    } catch (e) {
      if (!hasCode(e, "ResourceAlreadyExistsException")) throw e;
      existed = true;
      await this.converge(d, attributes);
    }
    await this.iot.send(
      new AddThingToThingGroupCommand({ thingGroupName: countryGroupName(d.country), thingName: d.name }),
    );
    await this.data.send(
      new UpdateThingShadowCommand({ thingName: d.name, payload: classicShadow(randomInt(30, 101)) }),
    );
    await this.data.send(
      new UpdateThingShadowCommand({
        thingName: d.name,
        shadowName: PACKAGE_SHADOW,
        payload: packageShadow(d.thingType, this.firstVersion),
      }),
    );
    return existed;
  }
}

export async function provisionDevices(ctx: StepContext): Promise<ThingsResult> {
  const { plan, session, io } = ctx;
  const writer = new DeviceWriter(ctx, await session.clients.iotData(), plan.versions[0]);
  const result: ThingsResult = {
    requested: plan.count,
    created: 0,
    updated: 0,
    failed: 0,
    seconds: 0,
    perSecond: 0,
    failures: [],
  };
  const progress = io.progress("provision.things.progress", plan.count);
  const indices = Array.from({ length: plan.count }, (_, i) => i);
  const again: number[] = [];
  const provision = async (i: number, lastTry: boolean) => {
    const d = deviceAt(plan, i);
    try {
      if (await writer.write(d)) result.updated++;
      else result.created++;
    } catch (e) {
      if (!lastTry && isTransient(e)) return void again.push(i);
      result.failed++;
      if (result.failures.length < MAX_REPORTED_FAILURES)
        result.failures.push({ name: d.name, error: describeError(e) });
    }
    progress.tick();
  };
  await mapLimit(indices, session.concurrency(THING_CONCURRENCY), (i) => provision(i, false));
  // A burst of 5xx or throttling spends the SDK's retry quota (500 tokens per client, 5 a retry,
  // held until the retry succeeds), after which it stops retrying: the devices that failed so get
  // one more pass, a few at a time, once the burst is over (writing a device is idempotent).
  await mapLimit(again, session.concurrency(LATE_RETRY_CONCURRENCY), (i) => provision(i, true));
  const { seconds, rate } = progress.stop();
  result.seconds = Number(seconds.toFixed(2));
  result.perSecond = Math.round(rate);
  io.say(result.failed === 0 ? "success" : "warn", "provision.things.summary", {
    ok: result.created + result.updated,
    total: plan.count,
    created: result.created,
    updated: result.updated,
    seconds: result.seconds.toFixed(1),
    rate: result.perSecond,
  });
  for (const f of result.failures.slice(0, 10)) io.say("error", "provision.things.failed", f);
  return result;
}
