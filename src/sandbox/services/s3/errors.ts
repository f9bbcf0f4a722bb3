/**
 * S3's error codes (S3P-5/6). Every error carries its HTTP status explicitly, as most S3 codes are
 * not modelled by the SDK; extra members (`BucketName`, `Key`, ...) become elements of `<Error>`.
 */
import { ServiceError } from "../../errors.js";

export const noSuchBucket = (bucket: string) =>
  new ServiceError("NoSuchBucket", "The specified bucket does not exist", { BucketName: bucket }, 404);

export const noSuchKey = (key: string, headers: Record<string, string> = {}) =>
  new ServiceError("NoSuchKey", "The specified key does not exist.", { Key: key }, 404, headers);

export const noSuchVersion = (key: string, versionId: string) =>
  new ServiceError(
    "NoSuchVersion",
    "The specified version does not exist.",
    { Key: key, VersionId: versionId },
    404,
  );

export const noSuchUpload = (uploadId: string) =>
  new ServiceError(
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    { UploadId: uploadId },
    404,
  );

export const invalidArgument = (message: string, name?: string, value?: string) =>
  new ServiceError("InvalidArgument", message, { ArgumentName: name, ArgumentValue: value }, 400);

export const invalidRequest = (message: string) => new ServiceError("InvalidRequest", message, {}, 400);

export const invalidTag = (message: string) => new ServiceError("InvalidTag", message, {}, 400);

export const malformedXml = () =>
  new ServiceError(
    "MalformedXML",
    "The XML you provided was not well-formed or did not validate against our published schema",
    {},
    400,
  );

export const invalidVersionId = (versionId: string) =>
  invalidArgument("Invalid version id specified", "versionId", versionId);
