/**
 * Message catalogs: every language has every English key with the same placeholders, every
 * key the code uses exists, and every key exists because some code uses it.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { CATALOGS } from "../../src/io/i18n.js";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const SRC = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

const english = flatten(CATALOGS.en as Tree);

for (const [lang, catalog] of Object.entries(CATALOGS)) {
  if (lang === "en") continue;
  test(`catalog ${lang} has every English key with the same placeholders, and no other key`, () => {
    const flat = flatten(catalog as Tree);
    assert.deepEqual(
      [...flat.keys()].filter((k) => !english.has(k)),
      [],
      "keys English does not have",
    );
    assert.deepEqual(
      [...english.keys()].filter((k) => !flat.has(k)),
      [],
      "missing keys",
    );
    for (const [k, v] of flat)
      assert.deepEqual(placeholders(v), placeholders(english.get(k)!), `placeholders of ${k}`);
  });
}

test("every key used in src exists, and every key is used", () => {
  const code = sources(SRC)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const namespaces = new Set([...english.keys()].map((k) => k.split(".")[0]));
  const used = new Set(
    [...code.matchAll(/"([a-z][A-Za-z]*\.[A-Za-z0-9_.]+)"/g)]
      .map((m) => m[1])
      .filter((k) => namespaces.has(k.split(".")[0]) && !/\.(json|log|db|js|ts)$/.test(k)), // file names are not keys
  );
  assert.deepEqual(
    [...used].filter((k) => !english.has(k)),
    [],
    "keys used but not in the English catalog",
  );
  const unused = [...english.keys()].filter((k) => !code.includes(`"${k}"`));
  assert.deepEqual(unused, [], "catalog keys no code uses");
});
