/** The admin token in the data directory, what counts as a loopback address, and how an instance is reached (settings.ts). */
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ensureAdminToken,
  isLoopbackHost,
  reachableAddress,
  readAdminToken,
} from "../../src/sandbox/settings.js";

test("the admin token is created once, random, readable by its owner only, and kept across starts", () => {
  const dir = mkdtempSync(join(tmpdir(), "iotdm-token-"));
  try {
    assert.equal(readAdminToken(dir), undefined);
    const token = ensureAdminToken(dir);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(statSync(join(dir, "admin-token")).mode & 0o777, 0o600);
    chmodSync(join(dir, "admin-token"), 0o644);
    assert.equal(ensureAdminToken(dir), token);
    assert.equal(statSync(join(dir, "admin-token")).mode & 0o777, 0o600);
    assert.equal(readAdminToken(dir), token);
    const other = mkdtempSync(join(tmpdir(), "iotdm-token-"));
    assert.notEqual(ensureAdminToken(other), token);
    rmSync(other, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("loopback addresses are the ones only this machine reaches", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"])
    assert.equal(isLoopbackHost(host), true, host);
  for (const host of ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "127.example.com"])
    assert.equal(isLoopbackHost(host), false, host);
});

test("an instance listening on a wildcard address is reached by loopback; IPv6 literals go in brackets", () => {
  assert.equal(reachableAddress("0.0.0.0", 5566), "127.0.0.1:5566");
  assert.equal(reachableAddress("::", 5566), "127.0.0.1:5566");
  assert.equal(reachableAddress("127.0.0.1", 5566), "127.0.0.1:5566");
  assert.equal(reachableAddress("localhost", 5566), "localhost:5566");
  assert.equal(reachableAddress("::1", 5566), "[::1]:5566");
  assert.equal(reachableAddress("[::1]", 5566), "[::1]:5566");
});
