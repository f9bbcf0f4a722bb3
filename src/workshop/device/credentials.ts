/**
 * Each simulated device's own certificate: an EC key made here, a CSR, CreateCertificateFromCsr
 * (ACTIVE), then the device policy attached to the certificate and the certificate to the thing.
 * Keys and certificates are kept per target in `<IOTDM_HOME>/devices/` (mode 0600) so later runs
 * reconnect the same devices; an entry whose certificate is no longer ACTIVE (a reset sandbox,
 * a cleanup) is issued again.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateCertificateFromCsrCommand,
  ListCertificatesCommand,
} from "@aws-sdk/client-iot";
import { certificateSigningRequest, newDeviceKey } from "../../common/csr.js";
import { iotdmHome } from "../../common/home.js";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { DEVICE_POLICY_NAME } from "./policy.js";

export interface DeviceCredentials {
  certificateId: string;
  certificateArn: string;
  certificatePem: string;
  privateKeyPem: string;
}

type KeyRing = Record<string, DeviceCredentials>;

/** Certificates issued at once: each is a CSR here and three calls there. */
const ISSUE_CONCURRENCY = 32;

/** The file holding a target's device credentials. */
function keyRingFile(session: AwsSession): string {
  const { target } = session;
  const where = target.kind === "sandbox" ? `sandbox-${target.instance.port}` : target.kind;
  return join(iotdmHome(), "devices", `${where}-${session.accountId}-${session.region}.json`);
}

function loadKeyRing(file: string): KeyRing {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as KeyRing;
  } catch {
    return {};
  }
}

function saveKeyRing(file: string, ring: KeyRing): void {
  mkdirSync(join(file, ".."), { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(ring), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

async function activeCertificateIds(session: AwsSession): Promise<Set<string>> {
  const certificates = await allPages(
    (marker) => session.clients.iot.send(new ListCertificatesCommand({ pageSize: 250, marker })),
    (page) => page.certificates,
    (page) => page.nextMarker,
  );
  return new Set(certificates.filter((c) => c.status === "ACTIVE").map((c) => c.certificateId ?? ""));
}

async function issue(session: AwsSession, thingName: string): Promise<DeviceCredentials> {
  const { iot } = session.clients;
  const key = newDeviceKey();
  const created = await iot.send(
    new CreateCertificateFromCsrCommand({
      certificateSigningRequest: certificateSigningRequest(thingName, key.privateKey),
      setAsActive: true,
    }),
  );
  const certificateArn = created.certificateArn ?? "";
  await iot.send(new AttachPolicyCommand({ policyName: DEVICE_POLICY_NAME, target: certificateArn }));
  await iot.send(new AttachThingPrincipalCommand({ thingName, principal: certificateArn }));
  return {
    certificateId: created.certificateId ?? "",
    certificateArn,
    certificatePem: created.certificatePem ?? "",
    privateKeyPem: key.privateKeyPem,
  };
}

/** Credentials for every thing, issuing those missing; returns them with how many were issued. */
export async function ensureDeviceCredentials(
  session: AwsSession,
  io: WorkshopIo,
  thingNames: string[],
): Promise<{ credentials: Map<string, DeviceCredentials>; issued: number }> {
  const file = keyRingFile(session);
  const ring = loadKeyRing(file);
  const active = await activeCertificateIds(session);
  const missing = thingNames.filter((name) => !active.has(ring[name]?.certificateId ?? ""));
  if (missing.length > 0) {
    const bar = io.progress("device.progress.issuing", missing.length);
    try {
      await mapLimit(missing, session.concurrency(ISSUE_CONCURRENCY), async (name) => {
        ring[name] = await issue(session, name);
        bar.tick();
      });
    } finally {
      bar.stop();
      saveKeyRing(file, ring);
    }
  }
  return {
    credentials: new Map(thingNames.map((name) => [name, ring[name] as DeviceCredentials])),
    issued: missing.length,
  };
}
