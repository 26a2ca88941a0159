import type { DeviceView } from './agent-api.ts';

/**
 * Health of the ward's devices, keyed by device id. `set` answers whether anything changed,
 * so the agent records a `device_health` event only on a change.
 */
export class DeviceHealth {
  readonly #devices = new Map<string, DeviceView>();

  set(device: DeviceView): boolean {
    const before = this.#devices.get(device.id);
    this.#devices.set(device.id, device);
    return !before || before.ok !== device.ok || before.detail !== device.detail;
  }

  list(): DeviceView[] {
    return [...this.#devices.values()];
  }

  /** The status-topic form: `{ <id>: { online, kind, detail? } }`. */
  asStatus(): Record<string, { online: boolean; kind: string; detail?: string }> {
    return Object.fromEntries(
      this.list().map((d) => [
        d.id,
        d.detail ? { online: d.ok, kind: d.kind, detail: d.detail } : { online: d.ok, kind: d.kind },
      ]),
    );
  }
}
