/**
 * Shared by the certificate, policy and principal handlers (section 11): stored documents,
 * certificate issuance by the instance's CA (ca.ts) (CRT-1), lookups and `marker` paging.
 */
import { createHash, randomBytes } from "node:crypto";
import type { CertificateStatus } from "@aws-sdk/client-iot";
import { issueWithCa, sandboxCa } from "../../../ca.js";
import { ServiceError } from "../../../errors.js";
import { len, range } from "../../../protocol/validate.js";
import type { OperationContext } from "../../types.js";
import {
  collection,
  decodeToken,
  encodeToken,
  invalidRequest,
  iotArn,
  KIND,
  notFound,
  parseIotArn,
} from "../common.js";
import { type NameAttributes, nameToAsn1 } from "../../../../common/der.js";
import { NOT_AFTER } from "./x509.js";

export interface CertificateDoc {
  certificateId: string;
  certificateArn: string;
  status: CertificateStatus;
  certificatePem: string;
  ownedBy: string;
  /** ISO-8601 */
  creationDate: string;
  lastModifiedDate: string;
  customerVersion: number;
  generationId: string;
  validity: { notBefore: string; notAfter: string };
  /** Set when the certificate was attached with thingPrincipalType EXCLUSIVE_THING (CRT-2). */
  exclusiveThing?: string;
}

export interface PolicyDoc {
  policyName: string;
  policyArn: string;
  policyDocument: string;
  defaultVersionId: string;
  creationDate: string;
  lastModifiedDate: string;
  generationId: string;
}

/** Constraint values of the IoT model shared by these operations. */
export const C = {
  certificateId: len(64, 64, "^(0x)?[a-fA-F0-9]+$"),
  policyName: len(1, 128, "^[\\w+=,.@-]+$"),
  thingName: len(1, 128, "^[a-zA-Z0-9:_-]+$"),
  marker: len(0, 1024, "^[A-Za-z0-9+/]+={0,2}$"),
  pageSize: range(1, 250),
};

const DEVICE_SUBJECT: NameAttributes = [["CN", "AWS IoT Certificate"]];

export const certificates = (ctx: OperationContext) => collection<CertificateDoc>(ctx, KIND.certificate);
export const policies = (ctx: OperationContext) => collection<PolicyDoc>(ctx, KIND.policy);

/**
 * CRT-1: signs the subject key with the instance's CA and stores the certificate; its id is
 * the SHA-256 of the DER certificate (ID-3).
 */
export function createCertificate(
  ctx: OperationContext,
  subjectKey: { spkiDer: Buffer; subject?: ReturnType<typeof nameToAsn1> },
  active: boolean,
): CertificateDoc {
  const now = ctx.clock.now();
  now.setUTCMilliseconds(0);
  const cert = issueWithCa(
    sandboxCa(ctx.settings.dataDir),
    { spkiDer: subjectKey.spkiDer, subject: subjectKey.subject ?? nameToAsn1(DEVICE_SUBJECT) },
    now,
  );
  const certificateId = createHash("sha256").update(cert.der).digest("hex");
  const doc: CertificateDoc = {
    certificateId,
    certificateArn: iotArn(ctx, `cert/${certificateId}`),
    status: active ? "ACTIVE" : "INACTIVE",
    certificatePem: cert.pem,
    ownedBy: ctx.scope.accountId,
    creationDate: now.toISOString(),
    lastModifiedDate: now.toISOString(),
    customerVersion: 1,
    generationId: randomBytes(16).toString("hex"),
    validity: { notBefore: now.toISOString(), notAfter: NOT_AFTER.toISOString() },
  };
  certificates(ctx).put(certificateId, doc);
  return doc;
}

export function requireCertificate(ctx: OperationContext, certificateId: string): CertificateDoc {
  const id = certificateId.toLowerCase().replace(/^0x/, "");
  const doc = certificates(ctx).get(id);
  if (!doc) throw notFound(`The certificate ${certificateId} does not exist`);
  return doc;
}

export function requirePolicy(ctx: OperationContext, policyName: string): PolicyDoc {
  const doc = policies(ctx).get(policyName);
  if (!doc) throw notFound(`Policy ${policyName} does not exist`);
  return doc;
}

export type Principal =
  { kind: "certificate"; certificate: CertificateDoc } | { kind: "cognito"; id: string };

/**
 * A principal of CRT-2 / POL-1: a certificate ARN of this account and region (which must
 * exist, 404 otherwise) or an Amazon Cognito identity id (`<region>:<uuid>`).
 */
export function resolvePrincipal(ctx: OperationContext, principal: string): Principal {
  const arn = parseIotArn(ctx, principal);
  if (arn?.type === "cert") {
    const certificate = certificates(ctx).get(arn.id);
    if (!certificate) throw notFound(`The certificate ${principal} does not exist`);
    return { kind: "certificate", certificate };
  }
  if (/^[a-z]{2}(-[a-z]+)+-\d:[0-9a-fA-F-]+$/.test(principal)) return { kind: "cognito", id: principal };
  throw invalidRequest(`Invalid principal: ${principal}`);
}

/**
 * POL-1: a policy target: a principal (see resolvePrincipal) or a thing group ARN of this
 * account and region, which must exist.
 */
export function resolvePolicyTarget(ctx: OperationContext, target: string): void {
  const arn = parseIotArn(ctx, target);
  if (arn?.type === "thinggroup") {
    if (!collection(ctx, KIND.thingGroup).has(arn.id))
      throw notFound(`Thing group ${arn.id} cannot be found.`);
    return;
  }
  resolvePrincipal(ctx, target);
}

export function requireThing(ctx: OperationContext, thingName: string): void {
  if (!collection(ctx, KIND.thing).has(thingName)) throw notFound(`Thing ${thingName} cannot be found.`);
}

/**
 * One page of a list sorted by `keyOf` (descending when asked): `marker` tokens are standard
 * base64 (the modelled pattern) of the last key returned.
 */
export function markerPage<T>(
  sorted: T[],
  keyOf: (item: T) => string,
  marker: string | undefined,
  pageSize: number | undefined,
  descending = false,
): { items: T[]; nextMarker?: string } {
  let rest = sorted;
  if (marker) {
    const after = Buffer.from(marker, "base64").toString("utf8");
    if (Buffer.from(after, "utf8").toString("base64") !== marker)
      throw new ServiceError("InvalidRequestException", "The marker is invalid", {}, 400);
    rest = sorted.filter((item) => (descending ? keyOf(item) < after : keyOf(item) > after));
  }
  const max = pageSize ?? 25;
  if (rest.length <= max) return { items: rest };
  const items = rest.slice(0, max);
  return { items, nextMarker: Buffer.from(keyOf(items[items.length - 1]), "utf8").toString("base64") };
}

/** ListCertificates / ListPolicies: newest first unless ascendingOrder (creation order). */
export function pageByCreation<T>(
  docs: T[],
  keyOf: (doc: T) => string,
  input: { marker?: string; pageSize?: number; ascendingOrder?: boolean },
): { items: T[]; nextMarker?: string } {
  const descending = input.ascendingOrder !== true;
  const sorted = [...docs].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1) * (descending ? -1 : 1));
  return markerPage(sorted, keyOf, input.marker, input.pageSize, descending);
}

/** One page of sorted names with `nextToken` paging (ListThingPrincipals, ListPrincipalThings). */
export function tokenPage(
  sorted: string[],
  nextToken: string | undefined,
  maxResults: number | undefined,
): { items: string[]; nextToken?: string } {
  const after = decodeToken(nextToken);
  const rest = after === undefined ? sorted : sorted.filter((s) => s > after);
  const max = maxResults ?? 25;
  if (rest.length <= max) return { items: rest };
  const items = rest.slice(0, max);
  return { items, nextToken: encodeToken(items[items.length - 1]) };
}
