/**
 * The types of catalog keys, derived from the English catalog, so that the compiler refuses a
 * key that does not exist (`iotdm check` and the build run it). A key is the dotted path of a
 * message: `provision.plan.title`. i18next plural forms (`found_one`, `found_other`) are forms
 * of one key (`found`), chosen at run time by the `count` variable; code names the key only.
 */
import type en from "./locales/en/index.js";

/** The plural suffixes of i18next (CLDR categories); English uses `_one` and `_other`. */
type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";

/** `found_one` → `found`; a key without a plural suffix is itself. */
type Folded<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Dotted paths to every message of a catalog tree, plural forms folded. */
type KeysOf<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${Folded<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The English catalog: the reference every other language follows. */
export type Catalog = typeof en;

/** A key of the English catalog, as code passes it to `t()`, the host, prompts and problems. */
export type MessageKey = KeysOf<Catalog, "">;

/** A learning moment: a key prefix whose `.title` and `.body` are both messages. */
export type LessonKey = {
  [K in MessageKey]: K extends `${infer P}.title` ? (`${P}.body` extends MessageKey ? P : never) : never;
}[MessageKey];

/** Keys of `T` that are plural forms, by their folded key. */
type PluralBases<T> = {
  [K in keyof T & string]: K extends `${infer Base}_${PluralSuffix}` ? Base : never;
}[keyof T & string];

/**
 * The forms a translation may give for one plural key: one plain text (a language without
 * grammatical plural, such as Japanese or Korean), or `_other` plus whichever other categories
 * the language's plural rules use.
 */
type PluralForms<B extends string> =
  | { [K in B]: string }
  | ({ [K in `${B}_other`]: string } & { [K in `${B}_${Exclude<PluralSuffix, "other">}`]?: string });

/** Every plural key of one object, each with its forms (an intersection over the keys). */
type AllPluralForms<B extends string> = [B] extends [never]
  ? unknown
  : (B extends string ? (forms: PluralForms<B>) => void : never) extends (forms: infer I) => void
    ? I
    : never;

/**
 * A translated catalog of the same shape as `T` (a part of the English catalog): every
 * English key, no other, plural keys in whichever forms the language needs. Each language's
 * namespace modules declare `satisfies Translation<...>`, so a missing or extra key fails the
 * build; catalog-check.ts compares the placeholders at run time.
 */
export type Translation<T> = {
  [K in keyof T & string as K extends `${string}_${PluralSuffix}` ? never : K]: T[K] extends string
    ? string
    : Translation<T[K]>;
} & AllPluralForms<PluralBases<T>>;
