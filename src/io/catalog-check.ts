/**
 * Consistency of the message catalogs: every language has exactly the English keys with the
 * same placeholders; every key the code uses exists; every key is used. Shared by the test
 * suite and `iotdm check`. The compiler already refuses a key English lacks (message-keys.ts)
 * and a translation module with a missing or extra key (`satisfies Translation<...>`); what
 * only this check sees is placeholders that differ and English keys no code uses.
 *
 * Plural forms follow i18next: `found_one` and `found_other` are the forms of the key `found`
 * (chosen by the `count` variable and the language's plural rules). A language may give one
 * plain form where another has several (Japanese and Korean have no grammatical plural).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CATALOGS } from "./i18n.js";

type Tree = { [k: string]: string | Tree };

export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Each key as the code uses it, with the texts of its plural forms (one text if plain). */
function families(flat: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of flat) {
    const key = k.replace(PLURAL_SUFFIX, "");
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}

const catalog = (lang: keyof typeof CATALOGS) => families(flatten(CATALOGS[lang] as unknown as Tree));

/** English keys as the code uses them (plural forms folded into their key), with their texts. */
export const english = (): Map<string, string[]> => catalog("en");

/** English plural forms must be exactly `_one` and `_other`, with the same placeholders. */
export function englishPluralProblems(): string[] {
  const flat = flatten(CATALOGS.en as unknown as Tree);
  const problems: string[] = [];
  for (const [key, texts] of english()) {
    if (texts.length === 1 && flat.has(key)) continue;
    if (!flat.has(`${key}_one`) || !flat.has(`${key}_other`) || texts.length !== 2)
      problems.push(`en: ${key} needs exactly the forms ${key}_one and ${key}_other`);
    else if (new Set(texts.map(placeholders)).size !== 1)
      problems.push(`en: the plural forms of ${key} have different placeholders`);
  }
  return problems;
}

/** Problems of one translation against English. */
export function compareWithEnglish(lang: keyof typeof CATALOGS): string[] {
  const en = english();
  const translated = catalog(lang);
  const problems: string[] = [];
  for (const k of translated.keys()) if (!en.has(k)) problems.push(`${lang}: extra key ${k}`);
  for (const [k, [text]] of en) {
    const forms = translated.get(k);
    if (forms === undefined) problems.push(`${lang}: missing key ${k}`);
    else if (forms.some((form) => placeholders(form) !== placeholders(text)))
      problems.push(`${lang}: placeholders of ${k} differ from English`);
  }
  return problems;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === "locales" ? [] : sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/**
 * Keys used in the sources under `srcDir` that English lacks, and English keys no source
 * uses. Keys are found as string literals `"ns.key"` whose namespace is a catalog namespace;
 * keys built at run time are declared by a literal prefix ending in "." (e.g. `"provision.steps."`),
 * which marks every key below it as used.
 */
export function usageProblems(srcDir: string): string[] {
  const en = english();
  const code = sources(srcDir)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const namespaces = new Set([...en.keys()].map((k) => k.split(".")[0]));
  const literals = [...code.matchAll(/["'`]([a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]*)["'`]/g)]
    .map((m) => m[1])
    .filter(
      (k) =>
        namespaces.has(k.split(".")[0]) && !(k.split(".").length === 2 && /\.(json|log|db|js|ts)$/.test(k)),
    ); // file names
  const prefixes = literals.filter((k) => k.endsWith("."));
  const used = new Set(literals.filter((k) => !k.endsWith(".")));
  const problems: string[] = [];
  for (const k of used) {
    const isPrefixOfKeys = [...en.keys()].some((e) => e.startsWith(`${k}.`));
    if (!en.has(k) && !isPrefixOfKeys) problems.push(`used but not in the English catalog: ${k}`);
  }
  for (const k of en.keys()) {
    const usedDirectly = used.has(k) || [...used].some((u) => k.startsWith(`${u}.`));
    if (!usedDirectly && !prefixes.some((p) => k.startsWith(p))) problems.push(`never used: ${k}`);
  }
  return problems;
}
