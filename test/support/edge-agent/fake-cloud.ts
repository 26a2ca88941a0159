import { EventEmitter } from 'node:events';
import type { CloudPort } from '../../../edge-agent/src/agent.ts';

/** A cloud link stand-in: online when told, records every batch it accepts, can fail publishes. */
export class FakeCloud extends EventEmitter implements CloudPort {
  online = false;
  failNext = 0;
  readonly batches: { events: Record<string, unknown>[] }[] = [];

  start(): void {}

  async stop(): Promise<void> {
    this.online = false;
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.emit(online ? 'online' : 'offline', new Error('test'));
  }

  async publishEvents(batch: { events: Record<string, unknown>[] }): Promise<void> {
    if (!this.online) throw new Error('offline');
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('no PUBACK');
    }
    this.batches.push(batch);
  }

  eventIds(): string[] {
    return this.batches.flatMap((b) => b.events.map((e) => String(e.id)));
  }
}
