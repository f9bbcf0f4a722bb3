/** Text matched literally inside a regular expression (used by the workshop and the sandbox). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
