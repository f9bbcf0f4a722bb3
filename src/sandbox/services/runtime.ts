/**
 * What services keep in memory for one sandbox between requests (the fleet index today; an
 * MQTT broker's sessions or jobs' timers next): created by the service's `start` hook, reached
 * from every operation context through a typed slot. The Sandbox instance owns it, so nothing
 * lives at module level and two sandboxes in one process never share state.
 */
export interface RuntimeSlot<T> {
  readonly name: string;
  /** Carries T for the type checker only. */
  readonly type?: T;
}

export const runtimeSlot = <T>(name: string): RuntimeSlot<T> => ({ name });

export class ServiceRuntime {
  private readonly values = new Map<RuntimeSlot<unknown>, unknown>();

  provide<T>(slot: RuntimeSlot<T>, value: T): void {
    if (this.values.has(slot)) throw new Error(`${slot.name} was started twice`);
    this.values.set(slot, value);
  }

  has<T>(slot: RuntimeSlot<T>): boolean {
    return this.values.has(slot);
  }

  get<T>(slot: RuntimeSlot<T>): T {
    if (!this.values.has(slot)) throw new Error(`${slot.name} was not started (ServiceDefinition.start)`);
    return this.values.get(slot) as T;
  }
}
