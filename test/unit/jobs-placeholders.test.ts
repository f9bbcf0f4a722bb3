/** Job document placeholders (iot/jobs/placeholders.ts, JOB-25), the pure module the data plane calls. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ServiceError } from "../../src/sandbox/errors.js";
import {
  checkPlaceholders,
  type PlaceholderContext,
  parseS3Url,
  resolveDocument,
  resolvePackagePlaceholders,
  scanPlaceholders,
} from "../../src/sandbox/services/iot/jobs/placeholders.js";

const versions: Record<
  string,
  { versionName: string; attributes: Record<string, string>; artifact?: object }
> = {
  "fw/1.0": {
    versionName: "1.0",
    attributes: { sum: 'a"b', url: "x" },
    artifact: { s3Location: { bucket: "b", key: "fw.bin", version: "v7" } },
  },
};
const ctx: PlaceholderContext = {
  destinations: [{ packageName: "fw", versionName: "1.0" }],
  findVersion: (p, v) => versions[`${p}/${v}`],
};
const presign = (l: { bucket: string; key: string; versionId?: string }) =>
  `https://signed/${l.bucket}/${l.key}?v=${l.versionId ?? ""}&q="x"`;

test("JOB-25: devices get attributes, attribute values and presigned URLs substituted", () => {
  const doc = JSON.stringify({
    attrs: "${aws:iot:package:fw:version:1.0:attributes}",
    sum: "sum=${aws:iot:package::version::attributes:sum}",
    art: "${aws:iot:package:fw:version:1.0:artifact:s3-presigned-url}",
    url: "${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/b/dir/file.txt}",
    other: "${leave.me}",
  });
  const out = JSON.parse(resolveDocument(doc, ctx, presign));
  assert.deepEqual(out, {
    attrs: { sum: 'a"b', url: "x" },
    sum: 'sum=a"b',
    art: 'https://signed/b/fw.bin?v=v7&q="x"',
    url: 'https://signed/b/dir/file.txt?v=&q="x"',
    other: "${leave.me}",
  });
  const control = JSON.parse(resolvePackagePlaceholders(doc, ctx));
  assert.equal(control.art, "${aws:iot:package:fw:version:1.0:artifact:s3-presigned-url}");
  assert.equal(control.sum, 'sum=a"b');
});

test("JOB-25: scanning finds every placeholder; an unterminated one is refused", () => {
  assert.deepEqual(
    scanPlaceholders('"${a}" ${aws:iot:s3-presigned-url:https://x}').map((o) => o.placeholder.kind),
    ["other", "s3-presigned-url"],
  );
  assert.throws(
    () => scanPlaceholders("[${never"),
    (e: ServiceError) => e.code === "InvalidRequestException" && e.message.includes("not terminated"),
  );
});

test("JOB-2/JOB-25: creation checks", () => {
  const art = JSON.stringify({ a: "${aws:iot:package:fw:version:1.0:artifact-location:s3-presigned-url}" });
  assert.throws(
    () => checkPlaceholders(art, { ...ctx, hasPresignedUrlRole: false }),
    /presignedUrlConfig role ARN/,
  );
  checkPlaceholders(art, { ...ctx, hasPresignedUrlRole: true });
  const embedded = JSON.stringify({ a: "x ${aws:iot:package:fw:version:1.0:attributes}" });
  assert.throws(
    () => checkPlaceholders(embedded, { ...ctx, hasPresignedUrlRole: false }),
    /complete JSON string/,
  );
});

test("S3 object URLs: path and virtual-host styles, version ids; others refused", () => {
  assert.deepEqual(parseS3Url("https://s3.eu-west-1.amazonaws.com/bk/a/b.json"), {
    bucket: "bk",
    key: "a/b.json",
  });
  assert.deepEqual(parseS3Url("https://bk.s3.amazonaws.com/a.json?versionId=3"), {
    bucket: "bk",
    key: "a.json",
    versionId: "3",
  });
  for (const bad of ["https://example.com/bk/a", "s3://bk/a", "https://s3.amazonaws.com/bk", "nope"])
    assert.equal(parseS3Url(bad), undefined, bad);
});
