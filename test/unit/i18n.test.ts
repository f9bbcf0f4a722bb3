/**
 * Message catalogs: every language has every English key with the same placeholders, every
 * key the code uses exists, and every key exists because some code uses it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { compareWithEnglish, englishPluralProblems, usageProblems } from "../../src/io/catalog-check.js";
import { CATALOGS, initI18n, t } from "../../src/io/i18n.js";

const SRC = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..", "src");

for (const lang of Object.keys(CATALOGS) as Array<keyof typeof CATALOGS>) {
  if (lang === "en") continue;
  test(`catalog ${lang} has every English key with the same placeholders, and no other key`, () => {
    assert.deepEqual(compareWithEnglish(lang), []);
  });
}

test("English plural forms are exactly _one and _other with the same placeholders", () => {
  assert.deepEqual(englishPluralProblems(), []);
});

test("a count picks the English plural form; Japanese and Korean keep their one form", () => {
  initI18n("en");
  assert.match(t("dynamicGroups.list.found", { count: 1 }), /^1 dynamic thing group:/);
  assert.match(t("dynamicGroups.list.found", { count: 3 }), /^3 dynamic thing groups:/);
  initI18n("ja");
  assert.equal(
    t("dynamicGroups.list.found", { count: 1 }).replace("1", "N"),
    t("dynamicGroups.list.found", { count: 3 }).replace("3", "N"),
  );
  initI18n("en");
});

test("every key used in src exists, and every key is used", () => {
  assert.deepEqual(usageProblems(SRC), []);
});

test("a key missing in a language falls back to English; AWS_IOT_LANG aliases select the language", () => {
  assert.equal(initI18n("日本語"), "ja");
  assert.match(t("common.stopped.interrupted.nothingChanged"), /中断しました/);
  // @ts-expect-error: not a catalog key (the compiler refuses it); at run time i18next answers the key
  assert.equal(t("no.such.key"), "no.such.key");
  assert.equal(initI18n("kr"), "ko");
  assert.equal(initI18n("english"), "en");
  assert.equal(initI18n("xx"), "en");
});
