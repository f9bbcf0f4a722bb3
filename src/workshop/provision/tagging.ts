/**
 * Workshop tags on every taggable resource provision creates (features.md 2.6). A tag that
 * cannot be applied never undoes the resource: it is recorded, warned about, and listed in
 * the summary, since cleanup then has to recognise the resource by its name instead.
 * Resources that already existed keep the tags they have (their creation-date stays true).
 */
import { TagResourceCommand } from "@aws-sdk/client-iot";
import { TagRoleCommand } from "@aws-sdk/client-iam";
import { PutBucketTaggingCommand } from "@aws-sdk/client-s3";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { type CreatedBy, type Tag, workshopTags } from "../tags.js";
import { describeError } from "../errors.js";

export type TaggableKind =
  "thing-type" | "thing-group" | "package" | "package-version" | "s3-bucket" | "iam-role";

export interface TagFailure {
  type: TaggableKind;
  name: string;
  error: string;
}

export class Tagger {
  private readonly tags: Tag[];
  readonly failures: TagFailure[] = [];
  applied = 0;

  constructor(
    private readonly session: AwsSession,
    private readonly io: WorkshopIo,
    now = new Date(),
    createdBy: CreatedBy = "provision-script",
  ) {
    // One creation-date for the whole run.
    this.tags = workshopTags(createdBy, now);
  }

  /** The tags as IoT's create calls take them (`tags` of CreatePackage, CreatePackageVersion). */
  get tagMap(): Record<string, string> {
    return Object.fromEntries(this.tags.map((t) => [t.Key, t.Value]));
  }

  /** `target` is the IoT ARN, the bucket name or the role name, by kind. */
  async tag(type: TaggableKind, name: string, target: string): Promise<boolean> {
    const { clients } = this.session;
    try {
      if (type === "s3-bucket")
        await clients.s3.send(
          new PutBucketTaggingCommand({ Bucket: target, Tagging: { TagSet: this.tags } }),
        );
      else if (type === "iam-role")
        await clients.iam.send(new TagRoleCommand({ RoleName: target, Tags: this.tags }));
      else await clients.iot.send(new TagResourceCommand({ resourceArn: target, tags: this.tags }));
      this.applied++;
      return true;
    } catch (e) {
      const error = describeError(e);
      this.failures.push({ type, name, error });
      this.io.say("warn", "provision.tags.failed", { type, name, error });
      return false;
    }
  }
}

/** The end-of-run list of resources left without workshop tags, grouped by type. */
export function reportTagFailures(io: WorkshopIo, failures: readonly TagFailure[]): void {
  if (failures.length === 0) return;
  io.say("warn", "provision.tags.summaryTitle");
  io.say("plain", "provision.tags.summaryIntro");
  const byType = new Map<TaggableKind, string[]>();
  for (const f of failures) byType.set(f.type, [...(byType.get(f.type) ?? []), f.name]);
  for (const [type, names] of byType) {
    io.say("plain", "provision.tags.summaryType", { type, count: names.length });
    for (const n of names) io.line("detail", `  - ${n}`);
  }
  io.say("warn", "provision.tags.summaryTotal", { count: failures.length });
}
