/**
 * S3 addressing (S3P-1): virtual-host style when the Host names a bucket
 * (`<bucket>.s3.amazonaws.com`, `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-<region>...`,
 * `<bucket>.localhost`), else path style `/<bucket>/<key...>`. The key keeps its `/`s,
 * empty segments and trailing slash, percent-decoded once.
 */
export interface S3Address {
  bucket?: string;
  key?: string;
}

const VIRTUAL_HOST = [
  /^(.+)\.s3[.-][^.]+.*\.amazonaws\.com$/,
  /^(.+)\.s3\.amazonaws\.com$/,
  /^(.+)\.localhost$/,
  /^(.+)\.s3\.localhost$/,
];

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function s3Address(rawPath: string, host: string): S3Address {
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  for (const re of VIRTUAL_HOST) {
    const m = re.exec(hostname);
    if (m && m[1] !== "s3") {
      const key = rawPath.length > 1 ? decode(rawPath.slice(1)) : undefined;
      return { bucket: m[1], key };
    }
  }
  const path = rawPath.startsWith("/") ? rawPath.slice(1) : rawPath;
  if (path === "") return {};
  const slash = path.indexOf("/");
  if (slash < 0) return { bucket: decode(path) };
  const key = path.slice(slash + 1);
  return { bucket: decode(path.slice(0, slash)), key: key === "" ? undefined : decode(key) };
}
