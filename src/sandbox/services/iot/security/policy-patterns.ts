/** The patterns of IoT policies: IAM wildcards and `${...}` policy variables, compiled to regular expressions. */
import { escapeRegExp } from "../../../../common/regexp.js";

export type Variables = Record<string, string | undefined>;

/** A `${...}`-bearing text made into a matcher for given variables; undefined when a variable has no value. */
export type Template = (variables: Variables) => RegExp | undefined;

/** `*` any run of characters, `?` one character, the rest literal. */
export function wildcard(pattern: string, flags = "s"): RegExp {
  return new RegExp(`^${wildcardSource(pattern)}$`, flags);
}

const wildcardSource = (text: string): string =>
  text
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : escapeRegExp(c)))
    .join("");

/** IAM's escapes for the characters policy syntax would read otherwise. */
const SPECIAL_VARIABLES: Record<string, string> = { "*": "*", "?": "?", $: "$" };
const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * A pattern whose `${...}` variables are replaced by their values (literally: a `*` in a client
 * id is not a wildcard) before matching; `wildcards` false matches the rest literally too.
 */
export function template(pattern: string, wildcards = true, flags = "s"): Template {
  const parts: Array<{ text: string } | { variable: string }> = [];
  let last = 0;
  for (const m of pattern.matchAll(VARIABLE)) {
    parts.push({ text: pattern.slice(last, m.index) }, { variable: m[1] });
    last = m.index + m[0].length;
  }
  parts.push({ text: pattern.slice(last) });
  const literal = (text: string) => (wildcards ? wildcardSource(text) : escapeRegExp(text));
  if (parts.length === 1) {
    const fixed = new RegExp(`^${literal(pattern)}$`, flags);
    return () => fixed;
  }
  // A connection's variables are one object for its lifetime: resolve each pattern once per object.
  const resolved = new WeakMap<Variables, RegExp | null>();
  return (variables) => {
    let known = resolved.get(variables);
    if (known === undefined) {
      known = resolve(variables) ?? null;
      resolved.set(variables, known);
    }
    return known ?? undefined;
  };
  function resolve(variables: Variables): RegExp | undefined {
    let source = "";
    for (const part of parts) {
      if ("text" in part) {
        source += literal(part.text);
        continue;
      }
      const value = Object.hasOwn(SPECIAL_VARIABLES, part.variable)
        ? SPECIAL_VARIABLES[part.variable]
        : Object.hasOwn(variables, part.variable)
          ? variables[part.variable]
          : undefined;
      if (value === undefined) return undefined;
      source += escapeRegExp(value);
    }
    return new RegExp(`^${source}$`, flags);
  }
}
