/**
 * The codec table: one object per wire protocol (restJson1, restXml, awsQuery) that decodes an
 * operation's input and encodes its output and errors, with what else differs by protocol (where
 * the operation and the payload hash are read, aws-chunked bodies, the request-id headers, the
 * unknown-route and not-implemented codes, the default throttling status, the error for an
 * oversized body). The gateway picks one by `ServiceDefinition.protocol` and never branches on
 * the protocol itself.
 */
import { ServiceError } from "../errors.js";
import type { Protocol } from "../services/types.js";
import type { RawRequest, RawResponse } from "./http-bindings.js";
import { decodeQueryRequest, encodeQueryError, encodeQueryResponse } from "./query.js";
import { decodeRestJsonRequest, encodeRestJsonError, encodeRestJsonResponse } from "./rest-json.js";
import { decodeRestXmlRequest, encodeRestXmlError, encodeRestXmlResponse } from "./rest-xml.js";
import type { ErrorSchema, OperationSchema } from "./schema.js";

/** What an encoder needs to know about the exchange. */
export interface EncodeContext {
  method: string;
  requestId: string;
  /** awsQuery's XML namespace (the service's). */
  xmlNamespace: string;
}

export interface ProtocolCodec {
  /** The operation is known from method, path, query and headers (rest protocols), else from the body. */
  routesFromHead: boolean;
  /**
   * SIG-4: the signed `x-amz-content-sha256` header declares the payload hash (S3), so the signature is
   * checked before the body and the body checked against it; otherwise the hash is the body's.
   */
  payloadHashInHead: boolean;
  /** SIG-4: `aws-chunked` bodies are decoded (S3 uploads). */
  awsChunked: boolean;
  /** S3P-1: the bucket is addressed by virtual host or first path segment, the key by the rest. */
  bucketAddressing: boolean;
  /** The operation's input from the routed request (awsQuery: `raw.query` holds query and form body). */
  decode(op: OperationSchema, raw: RawRequest, validationError: string): Record<string, unknown>;
  encode(op: OperationSchema, output: Record<string, unknown> | undefined, c: EncodeContext): RawResponse;
  encodeError(err: ServiceError, schema: ErrorSchema | undefined, c: EncodeContext): RawResponse;
  /** Adds the protocol's request-id headers (JSON-4, S3P-4, QRY-2). */
  stamp(res: RawResponse, requestId: string): RawResponse;
  /** Error code of a modelled operation the sandbox does not implement (501). */
  notImplementedCode: string;
  /** A request that matches no operation of the service (JSON-7; S3 answers 405 MethodNotAllowed). */
  unknownRoute: { code: string; status: number };
  /** PROTO-10 status and message of the throttling error, unless the service says otherwise. */
  throttlingStatus: number;
  throttlingMessage: string;
  /** A body larger than the service accepts, unless the service says otherwise. */
  tooLarge(size: number, max: number): ServiceError;
}

const S3_HOST_ID = Buffer.from("iotdm-sandbox").toString("base64");

/** JSON-5: 413 RequestEntityTooLargeException, the code the IoT data plane models. */
const requestEntityTooLarge = (size: number, max: number) =>
  new ServiceError(
    "RequestEntityTooLargeException",
    `The payload exceeds the maximum size allowed (${size} > ${max} bytes)`,
    {},
    413,
  );

const restJson1: ProtocolCodec = {
  routesFromHead: true,
  payloadHashInHead: false,
  awsChunked: false,
  bucketAddressing: false,
  decode: decodeRestJsonRequest,
  encode: (op, output) => encodeRestJsonResponse(op, output),
  encodeError: (err, schema) => encodeRestJsonError(err, schema),
  stamp: (res, requestId) => {
    res.headers["x-amzn-requestid"] = requestId;
    return res;
  },
  notImplementedCode: "NotImplementedException",
  unknownRoute: { code: "UnknownOperationException", status: 404 },
  throttlingStatus: 400,
  throttlingMessage: "Rate exceeded",
  tooLarge: requestEntityTooLarge,
};

const restXml: ProtocolCodec = {
  routesFromHead: true,
  payloadHashInHead: true,
  awsChunked: true,
  bucketAddressing: true,
  decode: decodeRestXmlRequest,
  encode: (op, output, c) => encodeRestXmlResponse(op, output, c.method),
  encodeError: (err, schema, c) =>
    encodeRestXmlError(err, err.status ?? schema?.status ?? 400, c.method, c.requestId, S3_HOST_ID),
  stamp: (res, requestId) => {
    res.headers["x-amz-request-id"] = requestId;
    res.headers["x-amz-id-2"] = S3_HOST_ID;
    return res;
  },
  notImplementedCode: "NotImplemented",
  unknownRoute: { code: "MethodNotAllowed", status: 405 },
  throttlingStatus: 503,
  throttlingMessage: "Please reduce your request rate.",
  // S3's answer to an XML document over its size limit.
  tooLarge: () => new ServiceError("MaxMessageLengthExceeded", "Your request was too big.", {}, 400),
};

const awsQuery: ProtocolCodec = {
  routesFromHead: false,
  payloadHashInHead: false,
  awsChunked: false,
  bucketAddressing: false,
  decode: (op, raw, validationError) => decodeQueryRequest(op, raw.query, validationError),
  encode: (op, output, c) => encodeQueryResponse(op, output, c.xmlNamespace, c.requestId),
  encodeError: (err, schema, c) => encodeQueryError(err, schema, c.xmlNamespace, c.requestId),
  stamp: restJson1.stamp,
  notImplementedCode: "NotImplementedException",
  unknownRoute: { code: "UnknownOperationException", status: 404 },
  throttlingStatus: 400,
  throttlingMessage: "Rate exceeded",
  // Assumed: AWS documents no awsQuery body limit nor its error; 413 with the restJson code's meaning.
  tooLarge: (size, max) =>
    new ServiceError("RequestEntityTooLarge", `Request body of ${size} bytes exceeds ${max} bytes`, {}, 413),
};

export const CODECS: Record<Protocol, ProtocolCodec> = { restJson1, restXml, awsQuery };
