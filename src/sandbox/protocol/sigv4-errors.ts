/**
 * How each protocol reports a failed SigV4 check (SIG-1, SIG-3; envelopes S3P-5, JSON-5, QRY-3):
 * {@link AuthError} carries a protocol-neutral kind and what the verifier knew, and
 * {@link authErrorFor} renders it as restXml (S3), restJson1 (IoT services) or awsQuery (IAM, STS).
 */
import { ServiceError } from "../errors.js";

export type AuthProtocol = "restJson1" | "restXml" | "awsQuery";

/** What the verifier knew when it failed; {@link authErrorFor} picks what each protocol shows. */
export interface AuthErrorDetails {
  /** Specific message (MalformedAuth, BadPresign). */
  message?: string;
  accessKeyId?: string;
  signatureProvided?: string;
  stringToSign?: string;
  canonicalRequest?: string;
  /** The request time as sent, `yyyymmddThhmmssZ`. */
  requestTime?: string;
  serverTime?: Date;
  /** Presigned `X-Amz-Expires` (seconds) and the instant it ends. */
  expiresSeconds?: number;
  expiresAt?: Date;
  /**
   * BadRegion: the scope's region, whether it has an AWS region's form at all, the region the
   * resource (or the sandbox) is in, and whether the URL was presigned.
   */
  region?: string;
  validRegion?: boolean;
  expectedRegion?: string;
  presigned?: boolean;
}

/** SIG-1: requests more than 15 minutes away from the server clock are refused. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export const MISSING_PRESIGN_PARAMS =
  "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, " +
  "X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
const MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";

const INCOMPLETE = ["IncompleteSignatureException", "IncompleteSignature"] as const;
const BAD_SIGNATURE = ["InvalidSignatureException", "SignatureDoesNotMatch"] as const;
/** Per kind: HTTP status, then the codes of restXml, restJson1 and awsQuery. */
const CODES = {
  MissingAuth: [403, "AccessDenied", "MissingAuthenticationTokenException", "MissingAuthenticationToken"],
  MalformedAuth: [400, "AuthorizationHeaderMalformed", ...INCOMPLETE],
  InvalidAccessKey: [403, "InvalidAccessKeyId", "UnrecognizedClientException", "InvalidClientTokenId"],
  SignatureMismatch: [403, "SignatureDoesNotMatch", ...BAD_SIGNATURE],
  Expired: [403, "AccessDenied", ...BAD_SIGNATURE],
  NotYetValid: [403, "AccessDenied", ...BAD_SIGNATURE],
  Skewed: [403, "RequestTimeTooSkewed", ...BAD_SIGNATURE],
  BadPresign: [400, "AuthorizationQueryParametersError", ...INCOMPLETE],
  // PROTO-4: a scope region that is no AWS region, or not the one the resource (S3 bucket) lives in;
  // S3 words it differently (s3RegionError).
  BadRegion: [403, "AuthorizationHeaderMalformed", ...BAD_SIGNATURE],
} satisfies Record<string, readonly [number, string, string, string]>;

/** MissingAuth, MalformedAuth, InvalidAccessKey, SignatureMismatch, Expired, NotYetValid, Skewed, BadPresign, BadRegion. */
export type AuthErrorKind = keyof typeof CODES;

/** S3's messages (also the neutral ones of {@link AuthError}). */
const S3_MESSAGES: Record<AuthErrorKind, string> = {
  MissingAuth: "Access Denied",
  MalformedAuth: "The authorization header is malformed",
  InvalidAccessKey: "The AWS Access Key Id you provided does not exist in our records.",
  SignatureMismatch:
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  Expired: "Request has expired",
  NotYetValid: "Request is not valid yet",
  Skewed: "The difference between the request time and the current time is too large.",
  BadPresign: MISSING_PRESIGN_PARAMS,
  BadRegion: "The authorization header is malformed; the region is wrong",
};

/** A failed authentication; `code` is the neutral kind, render it with `forProtocol`. */
export class AuthError extends ServiceError {
  constructor(
    readonly kind: AuthErrorKind,
    readonly details: AuthErrorDetails = {},
  ) {
    super(kind, details.message ?? S3_MESSAGES[kind], {}, CODES[kind][0]);
  }

  forProtocol(protocol: AuthProtocol): ServiceError {
    return authErrorFor(this.kind, protocol, this.details);
  }
}

export const isAuthError = (e: unknown): e is AuthError => e instanceof AuthError;

/** The error each protocol returns for an authentication failure (SIG-1, SIG-3; envelopes S3P-5, JSON-5, QRY-3). */
export function authErrorFor(
  kind: AuthErrorKind,
  protocol: AuthProtocol,
  d: AuthErrorDetails = {},
): ServiceError {
  const [status, xmlCode, jsonCode, queryCode] = CODES[kind];
  if (kind === "BadRegion" && protocol === "restXml") return s3RegionError(d);
  if (protocol === "restXml")
    return new ServiceError(xmlCode, d.message ?? S3_MESSAGES[kind], s3Fields(kind, d), status);
  const code = protocol === "restJson1" ? jsonCode : queryCode;
  return new ServiceError(code, d.message ?? otherMessage(kind, d), {}, status);
}

/**
 * PROTO-4 in S3's words: the header form is AuthorizationHeaderMalformed, the presigned form
 * AuthorizationQueryParametersError, both 400 with the expected `<Region>` (also as
 * `x-amz-bucket-region`, which clients such as boto3 follow).
 */
function s3RegionError(d: AuthErrorDetails): ServiceError {
  const expected = d.expectedRegion ?? "us-east-1";
  const wrong = `the region '${d.region ?? ""}' is wrong; expecting '${expected}'`;
  const [code, message] = d.presigned
    ? ["AuthorizationQueryParametersError", `Error parsing the X-Amz-Credential parameter; ${wrong}`]
    : ["AuthorizationHeaderMalformed", `The authorization header is malformed; ${wrong}`];
  return new ServiceError(code, message, { Region: expected }, 400, { "x-amz-bucket-region": expected });
}

/** The extra elements of S3's `<Error>` (S3P-5). */
function s3Fields(kind: AuthErrorKind, d: AuthErrorDetails): Record<string, unknown> {
  const ServerTime = isoSeconds(d.serverTime ?? new Date());
  const AWSAccessKeyId = d.accessKeyId ?? "";
  const RequestTime = d.requestTime ?? "";
  switch (kind) {
    case "InvalidAccessKey":
      return { AWSAccessKeyId };
    case "SignatureMismatch": {
      const { stringToSign: StringToSign = "", signatureProvided: SignatureProvided = "" } = d;
      return { AWSAccessKeyId, StringToSign, SignatureProvided, CanonicalRequest: d.canonicalRequest ?? "" };
    }
    case "Expired": {
      const Expires = isoSeconds(d.expiresAt ?? new Date(0));
      return { "X-Amz-Expires": String(d.expiresSeconds ?? ""), Expires, ServerTime };
    }
    case "NotYetValid":
      return { "X-Amz-Date": RequestTime, ServerTime };
    case "Skewed":
      return { RequestTime, ServerTime, MaxAllowedSkewMilliseconds: String(MAX_CLOCK_SKEW_MS) };
    default:
      return {};
  }
}

/** restJson1 / awsQuery messages, e.g. AWS's `Signature expired: <t> is now earlier than <t'> (<now> - 15 min.)`. */
function otherMessage(kind: AuthErrorKind, d: AuthErrorDetails): string {
  switch (kind) {
    case "MissingAuth":
      return "Missing Authentication Token";
    case "InvalidAccessKey":
      return INVALID_TOKEN;
    case "SignatureMismatch":
      return d.canonicalRequest === undefined
        ? MISMATCH
        : `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${d.canonicalRequest}'\n\n` +
            `The String-to-Sign should have been\n'${d.stringToSign ?? ""}'\n`;
    case "BadRegion":
      return d.validRegion
        ? `Credential should be scoped to a valid region, not '${d.region ?? ""}'.`
        : "Credential should be scoped to a valid region.";
    case "Skewed": {
      const server = d.serverTime ?? new Date();
      const sent = d.requestTime ?? "";
      const now = toAmzDate(server);
      const later = (parseAmzDate(sent)?.getTime() ?? 0) > server.getTime();
      const limit = toAmzDate(new Date(server.getTime() + (later ? 1 : -1) * MAX_CLOCK_SKEW_MS));
      return later
        ? `Signature not yet current: ${sent} is still later than ${limit} (${now} + 15 min.)`
        : `Signature expired: ${sent} is now earlier than ${limit} (${now} - 15 min.)`;
    }
    default:
      return S3_MESSAGES[kind];
  }
}

// ---------------------------------------------------------------------------------------------
// X-Amz-Date

/** `yyyymmddThhmmssZ` → Date, or undefined when malformed. */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hours, minutes, seconds] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(2000, month - 1, day, hours, minutes, seconds));
  date.setUTCFullYear(year);
  // Out-of-range fields (month 13, 24:00, February 30) roll over into another date: malformed.
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds;
  return same ? date : undefined;
}

const AMZ_DATE = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;

/** Date → `yyyymmddThhmmssZ`. */
export const toAmzDate = (d: Date): string => isoSeconds(d).replace(/[-:]/g, "");

export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
