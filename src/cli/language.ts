/**
 * The language of messages: `--lang` (an unsupported value is a usage error listing the
 * supported ones), else AWS_IOT_LANG (an unsupported value is a warning), else the choice
 * remembered in the user's config.json, else, for workflow commands in a terminal, a menu
 * whose answer is remembered; else English.
 */
import type { IoHost } from "../io/host.js";
import { CATALOGS, type Language, initI18n, resolveLanguage } from "../io/i18n.js";
import { type Parsed, input } from "../io/input.js";
import { readUserConfig, updateUserConfig } from "../io/user-config.js";

const LANGUAGE_CHOICES: Array<{ value: Language; label: string }> = [
  { value: "en", label: "English" },
  { value: "ja", label: "日本語 (Japanese)" },
  { value: "ko", label: "한국어 (Korean)" },
];

const SUPPORTED = Object.keys(CATALOGS).join(", ");

function flagIn(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice("--lang=".length) : argv[i + 1];
}

const remembered = () => resolveLanguage(readUserConfig().language);

/** Before the arguments are parsed (help texts, usage errors): every valid source, in order. */
export function initialLanguage(argv: string[]): void {
  initI18n(
    resolveLanguage(flagIn(argv)) ?? resolveLanguage(process.env.AWS_IOT_LANG) ?? remembered() ?? "en",
  );
}

/** Once the command is known: refuses a bad --lang, warns about a bad AWS_IOT_LANG, may ask. */
export async function settleLanguage(host: IoHost, flag: string | undefined, mayAsk: boolean): Promise<void> {
  const parse = (raw: string): Parsed<Language> => {
    const value = resolveLanguage(raw);
    return value ? { value } : { problem: { key: "cli.badLang", vars: { lang: raw, supported: SUPPORTED } } };
  };
  if (flag !== undefined) {
    initI18n(await input(host, { flag: "--lang", given: flag, parse }));
    return;
  }
  const variable = process.env.AWS_IOT_LANG;
  const fromVariable = resolveLanguage(variable);
  if (fromVariable) return void initI18n(fromVariable);
  if (variable) host.notice("warn", "cli.badLangVariable", { lang: variable, supported: SUPPORTED });
  const saved = remembered();
  if (saved) return void initI18n(saved);
  if (!mayAsk || !host.interactive || host.yes) return void initI18n("en");
  const chosen = await input(host, {
    flag: "--lang",
    given: undefined,
    parse,
    prompt: { key: "cli.chooseLanguage" },
    choices: LANGUAGE_CHOICES,
  });
  initI18n(chosen);
  host.notice("info", "cli.languageRemembered", { file: updateUserConfig({ language: chosen }) });
}
