/**
 * The validation failures of one request, collected with member paths while the input is
 * decoded and checked, and thrown together as the service's validation error in AWS's words:
 * "2 validation errors detected: Value 'x' at 'a.b' failed to satisfy constraint: Member must
 * ..." (VAL-1).
 */
import { ServiceError } from "../errors.js";
import { nestedDeeperThan } from "../json-depth.js";

/** AWS lists every failure; a listing is capped so that 10,000 bad entries do not make a 1 MB message. */
const MAX_LISTED = 20;
const MAX_VALUE_CHARS = 256;

function truncate(s: string): string {
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}...` : s;
}

/** A short, bounded rendering of a client value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return truncate(value);
  if (value === null || value === undefined) return "null";
  if (Buffer.isBuffer(value)) return `${value.length} bytes`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value !== "object") return String(value);
  if (nestedDeeperThan(value, 8)) return Array.isArray(value) ? "[...]" : "{...}";
  return truncate(JSON.stringify(value));
}

export class InputProblems {
  private readonly messages: string[] = [];
  private count = 0;

  get empty(): boolean {
    return this.count === 0;
  }

  /** `Value '<value>' at '<path>' failed to satisfy constraint: <constraint>`. */
  add(path: string, value: unknown, constraint: string): void {
    this.count++;
    if (this.messages.length >= MAX_LISTED) return;
    const shown = value === null || value === undefined ? "null" : `'${describeValue(value)}'`;
    this.messages.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  /** A failure that is not about one member (e.g. a body that is not JSON). */
  addGeneral(message: string): void {
    this.count++;
    if (this.messages.length < MAX_LISTED) this.messages.push(message);
  }

  toError(code: string, status = 400): ServiceError {
    const n = this.count;
    const more = n > this.messages.length ? `; and ${n - this.messages.length} more` : "";
    return new ServiceError(
      code,
      `${n} validation error${n > 1 ? "s" : ""} detected: ${this.messages.join("; ")}${more}`,
      {},
      status,
    );
  }

  throwIfAny(code: string, status = 400): void {
    if (!this.empty) throw this.toError(code, status);
  }
}

/** Joins a member path the way AWS's messages spell it (`tags.1.Key`, `attributes.color`). */
export const childPath = (parent: string, child: string | number): string =>
  parent ? `${parent}.${child}` : String(child);
