/** Constraint values of S3 input members (aws-operations.json), shared by the operation tables. */
import { type Constraint, oneOf } from "../../protocol/validate.js";
import { CHECKSUM_ALGORITHMS } from "./checksums.js";

export const KEY: Constraint = { min: 1, minMaxOf: "length" };
export const REQUEST_PAYER = oneOf("requester");
export const CHECKSUM_ALGORITHM = oneOf(...CHECKSUM_ALGORITHMS);
export const CHECKSUM_TYPE = oneOf("COMPOSITE", "FULL_OBJECT");
export const CHECKSUM_MODE = oneOf("ENABLED");
export const ENCODING_TYPE = oneOf("url");
export const BUCKET_ACL = oneOf("private", "public-read", "public-read-write", "authenticated-read");
export const OBJECT_ACL = oneOf(
  "private",
  "public-read",
  "public-read-write",
  "authenticated-read",
  "aws-exec-read",
  "bucket-owner-read",
  "bucket-owner-full-control",
);
export const OBJECT_OWNERSHIP = oneOf("BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced");
export const STORAGE_CLASS = oneOf(
  "STANDARD",
  "REDUCED_REDUNDANCY",
  "STANDARD_IA",
  "ONEZONE_IA",
  "INTELLIGENT_TIERING",
  "GLACIER",
  "DEEP_ARCHIVE",
  "OUTPOSTS",
  "GLACIER_IR",
  "SNOW",
  "EXPRESS_ONEZONE",
);
export const SERVER_SIDE_ENCRYPTION = oneOf("AES256", "aws:kms", "aws:kms:dsse");
export const OBJECT_LOCK_MODE = oneOf("GOVERNANCE", "COMPLIANCE");
export const LEGAL_HOLD = oneOf("ON", "OFF");
export const DIRECTIVE = oneOf("COPY", "REPLACE");

/** Members shared by the operations that write object content (PutObject, CopyObject, CreateMultipartUpload). */
export const WRITE_OBJECT_CONSTRAINTS: Record<string, Constraint> = {
  ACL: OBJECT_ACL,
  Key: KEY,
  ServerSideEncryption: SERVER_SIDE_ENCRYPTION,
  StorageClass: STORAGE_CLASS,
  RequestPayer: REQUEST_PAYER,
  ObjectLockMode: OBJECT_LOCK_MODE,
  ObjectLockLegalHoldStatus: LEGAL_HOLD,
  ChecksumAlgorithm: CHECKSUM_ALGORITHM,
};

/** Members of the object listings (ListObjects, ListObjectsV2, ListObjectVersions). */
export const LISTING_CONSTRAINTS: Record<string, Constraint> = {
  EncodingType: ENCODING_TYPE,
  RequestPayer: REQUEST_PAYER,
  "OptionalObjectAttributes[]": oneOf("RestoreStatus"),
};

/** CreateBucketConfiguration members other than LocationConstraint (directory buckets; S3-1). */
export const BUCKET_CONFIGURATION_CONSTRAINTS: Record<string, Constraint> = {
  "CreateBucketConfiguration.Location.Type": oneOf("AvailabilityZone", "LocalZone"),
  "CreateBucketConfiguration.Bucket.DataRedundancy": oneOf("SingleAvailabilityZone", "SingleLocalZone"),
  "CreateBucketConfiguration.Bucket.Type": oneOf("Directory"),
};

/** Members of operations that address one object and may be paid by the requester. */
export const OBJECT_CONSTRAINTS: Record<string, Constraint> = { Key: KEY, RequestPayer: REQUEST_PAYER };

/** Members of the tagging payload (Tag.Key min length 1). */
export const TAGGING_CONSTRAINTS: Record<string, Constraint> = {
  "Tagging.TagSet[].Key": KEY,
  ChecksumAlgorithm: CHECKSUM_ALGORITHM,
};
