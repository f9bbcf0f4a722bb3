import type { CreateBucketOutput, CreateBucketRequest } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { type BucketDoc, bucketNameProblem, buckets, saveBucket } from "./buckets.js";
import { BUCKET_ACL, BUCKET_CONFIGURATION_CONSTRAINTS, OBJECT_OWNERSHIP } from "./constraints.js";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const invalidLocation = (constraint: string) =>
  new ServiceError(
    "InvalidLocationConstraint",
    "The specified location-constraint is not valid",
    { LocationConstraint: constraint },
    400,
  );

const incompatible = (constraint: string | undefined) =>
  new ServiceError(
    "IllegalLocationConstraintException",
    `The ${constraint ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    {},
    400,
  );

/**
 * S3-1: the region comes from LocationConstraint (none = us-east-1) and must be the region the
 * request was signed for. The enum of the model is not applied: it lags behind S3's regions.
 */
function bucketRegion(constraint: string | undefined, requestRegion: string): string {
  if (constraint === undefined || constraint === "") {
    if (requestRegion !== "us-east-1") throw incompatible(undefined);
    return "us-east-1";
  }
  if (constraint === "us-east-1" || (constraint !== "EU" && !REGION.test(constraint)))
    throw invalidLocation(constraint);
  const region = constraint === "EU" ? "eu-west-1" : constraint;
  if (region !== requestRegion) throw incompatible(constraint);
  return region;
}

export const createBucket = defineOperation<CreateBucketRequest, CreateBucketOutput>({
  name: "CreateBucket",
  constraints: { ACL: BUCKET_ACL, ObjectOwnership: OBJECT_OWNERSHIP, ...BUCKET_CONFIGURATION_CONSTRAINTS },
  handler: (input, ctx) => {
    const name = input.Bucket!;
    if (bucketNameProblem(name))
      throw new ServiceError(
        "InvalidBucketName",
        "The specified bucket is not valid.",
        { BucketName: name },
        400,
      );
    const constraint = input.CreateBucketConfiguration?.LocationConstraint;
    const region = bucketRegion(constraint, ctx.scope.region);
    const existing = buckets(ctx).get(name);
    if (existing) {
      if (existing.owner !== ctx.scope.accountId)
        throw new ServiceError(
          "BucketAlreadyExists",
          "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
          { BucketName: name },
          409,
        );
      // S3-1: us-east-1 keeps its legacy answer for re-creating your own bucket.
      if (existing.region === "us-east-1" && region === "us-east-1") return { Location: `/${name}` };
      throw new ServiceError(
        "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.",
        { BucketName: name },
        409,
      );
    }
    const doc: BucketDoc = {
      name,
      owner: ctx.scope.accountId,
      region,
      creationDate: ctx.clock.now().toISOString(),
      seq: 0,
    };
    if (constraint) doc.locationConstraint = constraint;
    saveBucket(ctx, doc);
    return { Location: `/${name}` };
  },
});
