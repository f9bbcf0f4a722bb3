/**
 * The sandbox clock: real time plus an offset that tests and users can advance, so that
 * rules which wait minutes on AWS (TTY-4, the 5-minute thing type deletion) keep their
 * meaning without waiting. The offset is persisted with the state.
 */
export class Clock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return (Date.now() + this.offsetMs) / 1000;
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}
