/** Small helpers shared by the S3 test files. */
import { createHash, randomBytes } from "node:crypto";

/** A key under `prefix` no other test uses. */
export const uniqueKey = (prefix: string): string => `${prefix}/${randomBytes(4).toString("hex")}`;

/** Hex MD5, as S3 quotes it in ETags. */
export const md5Hex = (b: Buffer | string): string => createHash("md5").update(b).digest("hex");
