/**
 * Objects keyed by client-chosen strings (attributes, tags, shadow keys, metadata...). A plain
 * `{}` turns `obj["__proto__"] = v` into a prototype change, so the key is silently lost, and
 * reads `constructor` from Object.prototype; an object without a prototype keeps every key as
 * data. Shared by the protocol decoders and the services.
 */

/** An empty object without a prototype. */
export const newRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A prototype-free copy of `source`'s own entries (Object.assign defines `__proto__` as data here). */
export const copyRecord = <T>(source: Readonly<Record<string, T>> | undefined): Record<string, T> =>
  Object.assign(newRecord<T>(), source);

/** `record[key]` when `key` is the record's own entry (never an inherited `constructor` or `toString`). */
export const ownValue = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * `record[key] = value` as an own data property, `__proto__` included, for plain objects whose
 * shape callers compare or serialize (shadow documents).
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
