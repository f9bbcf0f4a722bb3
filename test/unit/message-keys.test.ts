/**
 * Typed message keys (issue 7 item 10): every API that takes a catalog key accepts only keys of
 * the English catalog, plural forms folded into their key, and a learning moment only a prefix
 * with `.title` and `.body`; a translation must have exactly the English keys. Each
 * `@ts-expect-error` line below must fail to compile: if the typing ever stopped refusing a
 * wrong key, the directive would be unused and the build (and `iotdm check`) would fail.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ExplainedError } from "../../src/io/errors.js";
import type { IoHost } from "../../src/io/host.js";
import { t } from "../../src/io/i18n.js";
import type { Problem } from "../../src/io/input.js";
import type { LessonKey, MessageKey, Translation } from "../../src/io/message-keys.js";
import { RecordingHost } from "../helpers/recording-host.js";

/** Never called: it exists to be compiled. */
export function wrongKeysDoNotCompile(host: IoHost): void {
  // @ts-expect-error: no such key in the English catalog
  t("provision.plan.nope");
  // @ts-expect-error: a namespace is not a message
  t("provision");
  // @ts-expect-error: a plural form is not a key; code names the key and passes `count`
  t("common.stopped.interrupted.partial_one");
  // @ts-expect-error: no such key
  host.say("info", "provision.plan.nope");
  // @ts-expect-error: no such key
  host.notice("warn", "target.nope");
  // @ts-expect-error: no such key
  host.error("cli.nope");
  // @ts-expect-error: no such key
  host.info("sandbox.nope");
  // @ts-expect-error: no such key
  host.progress("provision.things.nope", 10);
  // @ts-expect-error: a message is not a learning moment (it has no .title and .body)
  void host.learn("workshop.title");
  // @ts-expect-error: the title itself is not the learning moment's key
  void host.learn("workshop.learn.intro.title");
  // @ts-expect-error: no such prompt
  void host.prompts.confirm({ key: "provision.prompt.nope", flag: "--yes", default: false });
  // @ts-expect-error: no such problem
  const problem: Problem = { key: "provision.input.nope" };
  // @ts-expect-error: no such explanation
  const explained = new ExplainedError("Code", "target.nope");
  void [problem, explained];
}

type Sample = { plain: string; found_one: string; found_other: string; nested: { leaf: string } };

/** Never called: what a translation of `Sample` may and may not be. */
export function translationsHaveTheEnglishKeys(): Array<Translation<Sample>> {
  const oneForm: Translation<Sample> = { plain: "", found: "", nested: { leaf: "" } };
  const pluralForms: Translation<Sample> = {
    plain: "",
    found_one: "",
    found_few: "",
    found_other: "",
    nested: { leaf: "" },
  };
  // @ts-expect-error: a key is missing
  const missing: Translation<Sample> = { found: "", nested: { leaf: "" } };
  // @ts-expect-error: a key English does not have
  const extra: Translation<Sample> = { plain: "", found: "", nested: { leaf: "" }, other: "" };
  // @ts-expect-error: a nested key is missing
  const nestedMissing: Translation<Sample> = { plain: "", found: "", nested: {} };
  // @ts-expect-error: plural forms without `_other`
  const noOther: Translation<Sample> = { plain: "", found_one: "", nested: { leaf: "" } };
  return [oneForm, pluralForms, missing, extra, nestedMissing, noOther];
}

test("a plural key is one MessageKey whose form follows count", () => {
  const key: MessageKey = "common.stopped.interrupted.partial";
  const vars = { where: "here", calls: 3 };
  assert.match(t(key, { ...vars, count: 1 }), /after 1 change \(/);
  assert.match(t(key, { ...vars, count: 2 }), /after 2 changes \(/);
});

test("a LessonKey names a learning moment: the host says its title and body", async () => {
  const host = new RecordingHost({ yes: true });
  const lesson: LessonKey = "workshop.learn.cleanup";
  await host.learn(lesson);
  assert.ok(host.stdoutText.includes(t("workshop.learn.cleanup.title")), host.stdoutText);
  assert.ok(host.stdoutText.includes(t("workshop.learn.cleanup.body").split("\n")[0]), host.stdoutText);
});
