import * as sdk from "@aws-sdk/client-s3";
import type { OperationDefinition, ServiceDefinition } from "../types.js";
import { abortMultipartUpload } from "./abort-multipart-upload.js";
import { completeMultipartUpload } from "./complete-multipart-upload.js";
import { copyObject } from "./copy-object.js";
import { createBucket } from "./create-bucket.js";
import { createMultipartUpload } from "./create-multipart-upload.js";
import { deleteBucket } from "./delete-bucket.js";
import { deleteBucketTagging } from "./delete-bucket-tagging.js";
import { deleteObject } from "./delete-object.js";
import { deleteObjectTagging } from "./delete-object-tagging.js";
import { deleteObjects } from "./delete-objects.js";
import { getBucketLocation } from "./get-bucket-location.js";
import { getBucketTagging } from "./get-bucket-tagging.js";
import { getBucketVersioning } from "./get-bucket-versioning.js";
import { getObject } from "./get-object.js";
import { getObjectTagging } from "./get-object-tagging.js";
import { headBucket } from "./head-bucket.js";
import { headObject } from "./head-object.js";
import { listBuckets } from "./list-buckets.js";
import { listMultipartUploads } from "./list-multipart-uploads.js";
import { listObjectVersions } from "./list-object-versions.js";
import { listObjects } from "./list-objects.js";
import { listObjectsV2 } from "./list-objects-v2.js";
import { listParts } from "./list-parts.js";
import { putBucketTagging } from "./put-bucket-tagging.js";
import { putBucketVersioning } from "./put-bucket-versioning.js";
import { putObject } from "./put-object.js";
import { putObjectTagging } from "./put-object-tagging.js";
import { bucketRegionChecked, S3_BODY_LIMIT } from "./front-rules.js";
import { uploadPart } from "./upload-part.js";

const operations: OperationDefinition[] = [
  createBucket,
  headBucket,
  listBuckets,
  getBucketLocation,
  deleteBucket,
  putBucketVersioning,
  getBucketVersioning,
  putBucketTagging,
  getBucketTagging,
  deleteBucketTagging,
  putObject,
  getObject,
  headObject,
  deleteObject,
  deleteObjects,
  listObjects,
  listObjectsV2,
  listObjectVersions,
  putObjectTagging,
  getObjectTagging,
  deleteObjectTagging,
  copyObject,
  createMultipartUpload,
  uploadPart,
  completeMultipartUpload,
  abortMultipartUpload,
  listMultipartUploads,
  listParts,
];

export const s3: ServiceDefinition = {
  key: "s3",
  signingNames: ["s3"],
  protocol: "restXml",
  sdk,
  validationError: "InvalidArgument",
  throttlingError: "SlowDown",
  internalError: "InternalError",
  global: true,
  bodyLimit: S3_BODY_LIMIT,
  resourceRegion: bucketRegionChecked,
  operations,
};
