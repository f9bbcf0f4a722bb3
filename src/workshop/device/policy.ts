/**
 * The simulated devices' IoT policy: least privilege through policy variables, so one policy
 * serves every device and each can act only as the thing its certificate is attached to
 * (connect with its own name as client id; its own shadow, jobs and commands topics).
 */
import { CreatePolicyCommand, GetPolicyCommand } from "@aws-sdk/client-iot";
import type { AwsSession } from "../../aws/session.js";
import { hasCode } from "../errors.js";
import { workshopTags } from "../tags.js";

export const DEVICE_POLICY_NAME = "iotdm-device-simulator";

const THING = "${iot:Connection.Thing.ThingName}";
/** The topic families a device uses, under its own thing name. */
const OWN_TOPICS = [
  `$aws/things/${THING}/shadow/*`,
  `$aws/things/${THING}/jobs/*`,
  `$aws/commands/things/${THING}/executions/*`,
];

export function devicePolicyDocument(region: string, accountId: string): string {
  const arn = (resource: string) => `arn:aws:iot:${region}:${accountId}:${resource}`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "iot:Connect", Resource: arn(`client/${THING}`) },
      {
        Effect: "Allow",
        Action: ["iot:Publish", "iot:Receive"],
        Resource: OWN_TOPICS.map((t) => arn(`topic/${t}`)),
      },
      { Effect: "Allow", Action: "iot:Subscribe", Resource: OWN_TOPICS.map((t) => arn(`topicfilter/${t}`)) },
    ],
  });
}

/** Creates the policy when it does not exist yet (tagged for cleanup); true when it was created. */
export async function ensureDevicePolicy(session: AwsSession): Promise<boolean> {
  const { iot } = session.clients;
  try {
    await iot.send(new GetPolicyCommand({ policyName: DEVICE_POLICY_NAME }));
    return false;
  } catch (e) {
    if (!hasCode(e, "ResourceNotFoundException")) throw e;
  }
  await iot.send(
    new CreatePolicyCommand({
      policyName: DEVICE_POLICY_NAME,
      policyDocument: devicePolicyDocument(session.region, session.accountId),
      tags: workshopTags("device-simulator"),
    }),
  );
  return true;
}
