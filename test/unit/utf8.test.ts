/** The one strict UTF-8 reading of client bytes (utf8.ts), shared by every request. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { strictUtf8 } from "../../src/sandbox/utf8.js";

test("bytes that are not UTF-8 read as undefined, and the shared decoder reads the next body afresh", () => {
  assert.equal(strictUtf8(Buffer.from("héllo ✓", "utf8")), "héllo ✓");
  // A truncated sequence, then a complete body: nothing of the first may leak into the second.
  assert.equal(strictUtf8(Buffer.from([0x7b, 0xe2, 0x9c])), undefined);
  assert.equal(strictUtf8(Buffer.from([0x80, 0x7d])), undefined);
  assert.equal(strictUtf8(Buffer.from("{}", "utf8")), "{}");
  assert.equal(strictUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), "{}", "a leading BOM is dropped");
  assert.equal(strictUtf8(Buffer.alloc(0)), "");
});
