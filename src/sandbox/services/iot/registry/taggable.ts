/**
 * Which IoT ARNs can carry tags (TAG-1) and where the tagged resource lives, so that tagging a
 * resource that does not exist answers 404.
 *
 * Extension point: an area that adds a taggable resource adds one entry to TAGGABLE, keyed by
 * the ARN's resource type (`arn:aws:iot:<r>:<a>:<type>/<id>`), e.g. once common.ts has the kinds:
 *   command: (id) => ({ kind: KIND.command, id }),
 *   rule: (id) => ({ kind: KIND.topicRule, id }),
 */
import { ownValue } from "../../../records.js";
import type { OperationContext } from "../../types.js";
import { collection, invalidRequest, KIND, notFound, parseIotArn } from "../common.js";

/** Where the document of a tagged resource is stored; undefined when the id cannot exist. */
type Locate = (id: string) => { kind: string; id: string } | undefined;

const singleName: (kind: string) => Locate = (kind) => (id) => (id.includes("/") ? undefined : { kind, id });

export const TAGGABLE: Record<string, Locate> = {
  thinggroup: singleName(KIND.thingGroup),
  thingtype: singleName(KIND.thingType),
  policy: singleName(KIND.policy),
  job: singleName(KIND.job),
  jobtemplate: singleName(KIND.jobTemplate),
  command: singleName(KIND.command),
  /** `package/<name>` or `package/<name>/version/<version>` (ID-2). */
  package: (id) => {
    const version = /^([^/]+)\/version\/([^/]+)$/.exec(id);
    if (version) return { kind: KIND.packageVersion, id: `${version[1]}/${version[2]}` };
    return id.includes("/") ? undefined : { kind: KIND.package, id };
  },
};

/** IoT resource types that exist but cannot be tagged (TAG-1: things are not taggable). */
const NOT_TAGGABLE = new Set(["thing", "cert", "cacert", "client", "index"]);

/** Checks that `arn` names an existing taggable resource of this account and region. */
export function requireTaggable(ctx: OperationContext, arn: string): void {
  if (!/^arn:aws[\w-]*:iot:[^:]*:\d{12}:[^/]+\/.+$/.test(arn))
    throw invalidRequest(`${arn} is not a valid AWS IoT resource ARN.`);
  const parsed = parseIotArn(ctx, arn);
  if (parsed && NOT_TAGGABLE.has(parsed.type))
    throw invalidRequest(`Resources of type ${parsed.type} cannot be tagged: ${arn}`);
  const located = parsed ? ownValue(TAGGABLE, parsed.type)?.(parsed.id) : undefined;
  if (!located || !collection(ctx, located.kind).has(located.id))
    throw notFound(`The resource ${arn} cannot be found.`);
}
