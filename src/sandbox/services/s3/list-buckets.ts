import type { ListBucketsOutput, ListBucketsRequest } from "@aws-sdk/client-s3";
import { range } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { buckets, ownerOf } from "./buckets.js";
import { invalidArgument } from "./errors.js";

const decodeToken = (token: string) => {
  const name = Buffer.from(token, "base64url").toString("utf8");
  if (name === "" || Buffer.from(name, "utf8").toString("base64url") !== token)
    throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
  return name;
};

/** S3-2: the caller's buckets sorted by name; paginated only when max-buckets is given. */
export const listBuckets = defineOperation<ListBucketsRequest, ListBucketsOutput>({
  name: "ListBuckets",
  constraints: { MaxBuckets: range(1, 10000) },
  handler: (input, ctx) => {
    const after = input.ContinuationToken ? decodeToken(input.ContinuationToken) : undefined;
    const max = input.MaxBuckets ?? 10000;
    const mine = buckets(ctx)
      .list({ after, prefix: input.Prefix })
      .map((e) => e.doc)
      .filter((b) => b.owner === ctx.scope.accountId)
      .filter((b) => input.BucketRegion === undefined || b.region === input.BucketRegion);
    const page = mine.slice(0, max);
    return {
      Buckets: page.map((b) => ({
        Name: b.name,
        CreationDate: new Date(b.creationDate),
        BucketRegion: b.region,
      })),
      Owner: ownerOf(ctx.scope.accountId),
      Prefix: input.Prefix,
      ContinuationToken:
        mine.length > max ? Buffer.from(page[page.length - 1].name, "utf8").toString("base64url") : undefined,
    };
  },
});
