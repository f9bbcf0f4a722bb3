/**
 * Nothing acknowledged is lost: every write the sandbox answered 200 survives a kill -9 in
 * the middle of a stream of writes, and the state file stays consistent.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateThingCommand, DescribeThingCommand, IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import {
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

test("kill -9 during a stream of writes loses no acknowledged write", async () => {
  const iot = new IoTClient(sb.config);
  const data = new IoTDataPlaneClient(sb.config);
  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const thingName = `durable-${w}-${i}`;
      try {
        await iot.send(
          new CreateThingCommand({ thingName, attributePayload: { attributes: { w: String(w) } } }),
        );
        await data.send(
          new UpdateThingShadowCommand({
            thingName,
            payload: new TextEncoder().encode(`{"state":{"reported":{"i":${i}}}}`),
          }),
        );
        acknowledged.push(thingName);
      } catch {
        return; // the server went away mid-request: that write was not acknowledged
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  // Kill once enough writes were acknowledged (not after a fixed time: a busy machine is slower).
  const deadline = Date.now() + 60_000;
  while (acknowledged.length <= 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await sb.stop({ kill: true });
  stop = true;
  await Promise.all(writers);
  assert.ok(acknowledged.length > 20, `only ${acknowledged.length} writes before the kill`);

  await sb.restart();
  const iot2 = new IoTClient(sb.config);
  const data2 = new IoTDataPlaneClient(sb.config);
  for (const thingName of acknowledged) {
    const thing = await iot2.send(new DescribeThingCommand({ thingName }));
    assert.equal(thing.thingName, thingName);
    const shadow = await data2.send(new GetThingShadowCommand({ thingName }));
    const doc = JSON.parse(new TextDecoder().decode(shadow.payload)) as {
      state: { reported: { i: number } };
    };
    assert.equal(typeof doc.state.reported.i, "number");
  }
  const listed = await iot2.send(new ListThingsCommand({ maxResults: 250 }));
  assert.ok((listed.things ?? []).length >= Math.min(acknowledged.length, 250));
});
