/**
 * MQTT topic filters (MQTT 3.1.1 section 4.7): `+` one level, `#` the rest (and the parent level);
 * a filter starting with a wildcard does not match topics starting with `$` (4.7.2), so `#` never
 * receives `$aws/...` messages.
 */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) return false;
  const filterLevels = filter.split("/");
  const topicLevels = topic.split("/");
  for (let i = 0; i < filterLevels.length; i++) {
    const level = filterLevels[i];
    if (level === "#") return true;
    if (i >= topicLevels.length) return false;
    if (level !== "+" && level !== topicLevels[i]) return false;
  }
  return filterLevels.length === topicLevels.length;
}
