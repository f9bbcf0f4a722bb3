/** SigV4 signing as the SDKs do it (@smithy/signature-v4), for tests that build raw requests. */
import type { SignatureV4 } from "@smithy/signature-v4";
import type { TestSandbox } from "./sandbox.js";
import { createSigner } from "./signed-request.js";

/**
 * A signer with the sandbox's credentials (or another secret), for `service` in the sandbox's region
 * (or `region`). S3 paths are encoded once, others twice, as the SDK clients do.
 */
export function sandboxSigner(
  sb: TestSandbox,
  service: string,
  opts: { region?: string; secretAccessKey?: string } = {},
): SignatureV4 {
  const credentials = {
    accessKeyId: sb.credentials.accessKeyId,
    secretAccessKey: opts.secretAccessKey ?? sb.credentials.secretAccessKey,
  };
  return createSigner(credentials, opts.region ?? sb.region, service);
}
