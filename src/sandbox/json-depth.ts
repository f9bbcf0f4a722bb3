/**
 * Nesting depth of client JSON, measured without recursion: JSON.parse accepts documents
 * nested 100,000 deep, and a recursive walk over one overflows the stack (a 500). Shared by
 * the protocol decoders and the shadow service.
 */

/** Depth of a JSON value: scalars 0, objects/arrays 1 + the deepest child; stops counting past `limit`. */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    const here = depth + 1;
    if (here > max) max = here;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth: here });
    }
  }
  return max;
}

/** True when `value` is nested deeper than `limit`. */
export const nestedDeeperThan = (value: unknown, limit: number): boolean =>
  nestingDepth(value, limit) > limit;
