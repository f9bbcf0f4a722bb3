/** SigV4 signing as the SDKs do it (@smithy/signature-v4), for tests that build raw requests. */
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import type { TestSandbox } from "./sandbox.js";

/**
 * A signer with the sandbox's credentials (or another secret), for `service` in the sandbox's region
 * (or `region`). S3 paths are encoded once, others twice, as the SDK clients do.
 */
export function sandboxSigner(
  sb: TestSandbox,
  service: string,
  opts: { region?: string; secretAccessKey?: string } = {},
): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: sb.credentials.accessKeyId,
      secretAccessKey: opts.secretAccessKey ?? sb.credentials.secretAccessKey,
    },
    region: opts.region ?? sb.region,
    service,
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: service !== "s3",
  });
}
