import { EventEmitter } from 'node:events';
import { findWard, type Ward } from '#domain/catalogue/units';
import { toLocalIso } from '#domain/time';
import {
  type AgentApi,
  AgentError,
  type AgentSnapshot,
  type CounterAction,
  type CounterSession,
  type DeviceView,
  type LiveUpdate,
  type TicketIssued,
} from './agent-api.ts';
import type { Command } from './cloud/commands.ts';
import type { Announcer } from './devices/audio/announcer.ts';
import type { LedBoardDriver } from './devices/led-board/driver.ts';
import { DeviceHealth } from './devices.ts';
import type { EventStore, StoreAlert } from './outbox/event-store.ts';
import { type EventSink, Publisher } from './publisher.ts';
import { QueueEngine } from './queue/engine.ts';
import { QueueError } from './queue/errors.ts';
import type { NewQueueEvent, PriorityKind, QueueEvent } from './queue/events.ts';
import type { CounterSessions } from './sessions.ts';
import { toSnapshot } from './snapshot.ts';
import { describeStatus, printTicket, type TicketPrinter } from './ticket-printing.ts';
import type { WardConfig } from './ward-config.ts';

/** A cloud link as the agent uses it (CloudLink, or a stand-in in tests). */
export interface CloudPort extends EventSink, EventEmitter {
  start(): void;
  stop(): Promise<void>;
  /** Publishes the retained status (online, outbox depth, devices). */
  publishStatus?(status: {
    online: true;
    outboxDepth: number;
    devices: Record<string, { online: boolean; detail?: string }>;
    at: string;
  }): Promise<void>;
}

export interface AgentParts {
  readonly wardId: string;
  readonly store: EventStore;
  readonly storeAlerts: readonly StoreAlert[];
  readonly wardConfig: WardConfig;
  readonly sessions: CounterSessions;
  readonly cloud: CloudPort;
  readonly printer?: TicketPrinter;
  readonly ledBoards?: LedBoardDriver;
  readonly announcer: Announcer;
  readonly followUrl: string;
  readonly now?: () => Date;
  readonly newId: () => string;
  /** Persists a newer ward configuration received from the cloud. */
  readonly saveWardConfig?: (config: WardConfig) => void;
  /** How often to ask the printer for its status (paper low/out, cover). */
  readonly printerPollMs?: number;
  /**
   * How often to repeat the status while online; the cloud treats 15 minutes of silence as
   * the agent being offline, so this must stay well under that.
   */
  readonly statusEveryMs?: number;
}

const QUEUE_ERROR_STATUS = {
  unknown_field: 404,
  unknown_counter: 404,
  unknown_ticket: 404,
  not_logged_in: 409,
  nobody_waiting: 409,
  not_serving: 409,
  same_field: 400,
  rejoin_closed: 409,
  rating_closed: 409,
  already_rated: 409,
} as const;

/**
 * The ward agent: the queue engine, its durable store, the cloud link and the devices, wired
 * by an event flow of one direction: a command decides events, the events are written to the
 * store (journal + outbox) before anything else happens, then devices and live pages follow,
 * and the publisher drains the outbox whenever the cloud is there. Nothing on the LAN waits
 * for the cloud.
 */
export class Agent implements AgentApi {
  readonly ward: Ward;
  readonly #parts: AgentParts;
  readonly #now: () => Date;
  readonly #publisher: Publisher;
  readonly #devices = new DeviceHealth();
  readonly #live = new EventEmitter<{ update: [LiveUpdate] }>();
  #config: WardConfig;
  #engine: QueueEngine;
  #pollTimer: NodeJS.Timeout | undefined;
  #statusTimer: NodeJS.Timeout | undefined;
  #started = false;

  constructor(parts: AgentParts) {
    const ward = findWard(parts.wardId);
    if (!ward) throw new Error(`unknown ward '${parts.wardId}'`);
    this.ward = ward;
    this.#parts = parts;
    this.#now = parts.now ?? (() => new Date());
    this.#config = parts.wardConfig;
    this.#engine = this.#replay(parts.wardConfig);
    this.#publisher = new Publisher(parts.store, parts.cloud);
    this.#live.setMaxListeners(0);
  }

  get config(): WardConfig {
    return this.#config;
  }

  get outboxDepth(): number {
    return this.#parts.store.depth();
  }

  /** Starts devices, the cloud link and the publisher; reports what the store found at open. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const { cloud, store } = this.#parts;
    this.#record(
      this.#parts.storeAlerts.map(
        (a) => ({ type: 'agent_alert', alert: a.kind, detail: alertDetail(a) }) as NewQueueEvent,
      ),
    );
    store.pruneJournal(this.#engine.state.day > '0' ? previousDays(this.#engine.state.day, 7) : '0000-00-00');
    cloud.on('online', () => {
      this.#notify([]);
      this.#publisher.kick();
    });
    cloud.on('offline', () => this.#notify([]));
    cloud.on('command', (command: Command) => this.#onCommand(command));
    cloud.on('config', (config: unknown) => this.#onConfig(config));
    this.#parts.ledBoards?.start();
    this.#devices.set({ id: 'store', kind: 'store', ok: true });
    await this.#pollPrinter();
    this.#pollTimer = setInterval(() => void this.#pollPrinter(), this.#parts.printerPollMs ?? 30_000);
    this.#pollTimer.unref();
    this.#statusTimer = setInterval(
      () => void this.#publishStatus(),
      this.#parts.statusEveryMs ?? 5 * 60_000,
    );
    this.#statusTimer.unref();
    cloud.start();
    this.#publisher.kick();
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    clearInterval(this.#pollTimer);
    clearInterval(this.#statusTimer);
    await this.#publisher.stop();
    await this.#parts.cloud.stop();
    await this.#parts.ledBoards?.stop();
    this.#live.removeAllListeners();
    this.#parts.store.close();
  }

  /** Resolves when the outbox drain in progress (if any) has finished; for tests and shutdown. */
  idle(): Promise<void> {
    return this.#publisher.idle();
  }

  /** Health for the status topic. */
  devices(): Record<string, { online: boolean; detail?: string }> {
    return this.#devices.asStatus();
  }

  async #publishStatus(): Promise<void> {
    const { cloud, store } = this.#parts;
    if (!cloud.online || !cloud.publishStatus) return;
    await cloud
      .publishStatus({
        online: true,
        outboxDepth: store.depth(),
        devices: this.devices(),
        at: toLocalIso(this.#now()),
      })
      .catch(() => {}); // the next tick or reconnect sends it again
  }

  async issueTicket(field: string, priority: PriorityKind | null): Promise<TicketIssued> {
    const { event, ahead } = this.#decide(() => this.#engine.issueTicket(field, priority));
    this.#persist([event]);
    const fieldName = this.#config.queue.fields.find((f) => f.id === event.field)?.name ?? event.field;
    const problem = await printTicket(this.#parts.printer, {
      wardName: this.ward.name,
      fieldName,
      number: event.number,
      issuedAt: event.at,
      ahead,
      followUrl: this.#parts.followUrl,
    });
    if (this.#parts.printer)
      this.#deviceChanged({
        id: 'printer',
        kind: 'printer',
        ok: !problem,
        ...(problem ? { detail: problem } : {}),
      });
    this.#after([event]);
    return {
      number: event.number,
      field: event.field,
      fieldName,
      issuedAt: event.at,
      ahead,
      printed: !problem,
      ...(problem ? { printerProblem: problem } : {}),
    };
  }

  async loginClerk(
    counter: number,
    clerk: string,
    pin: string,
  ): Promise<{ token: string; session: CounterSession }> {
    if (!this.#config.queue.counters.some((c) => c.number === counter)) {
      throw new AgentError(404, 'unknown_counter', `Không có quầy số ${counter}`);
    }
    const result = this.#parts.sessions.login(
      counter,
      clerk,
      pin,
      this.#config.staff,
      this.#engine.state.day,
    );
    if ('refused' in result) {
      throw result.refused === 'locked'
        ? new AgentError(403, 'locked', 'Nhập sai PIN quá nhiều lần. Vui lòng thử lại sau 1 phút.')
        : new AgentError(401, 'wrong_pin', 'Mã cán bộ hoặc PIN không đúng.');
    }
    this.#run(() => this.#engine.login(counter, clerk));
    return { token: result.token, session: { counter, clerk } };
  }

  session(token: string): CounterSession | undefined {
    return this.#parts.sessions.verify(token, this.#engine.state.day);
  }

  async counterAction(
    session: CounterSession,
    action: CounterAction,
    args: { field?: string } = {},
  ): Promise<{ events: readonly QueueEvent[]; serving?: string }> {
    const counter = this.#engine.state.counters.get(session.counter);
    if (counter?.clerk !== session.clerk) {
      // The session outlived its login (another clerk took the counter): log in again.
      this.#run(() => this.#engine.login(session.counter, session.clerk));
    }
    const events = this.#run(() => {
      switch (action) {
        case 'call_next':
          return this.#engine.callNext(session.counter);
        case 'recall':
          return this.#engine.recall(session.counter);
        case 'complete':
          return this.#engine.complete(session.counter);
        case 'no_show':
          return this.#engine.noShow(session.counter);
        case 'transfer':
          if (!args.field) throw new AgentError(400, 'field_required', 'Chọn lĩnh vực cần chuyển đến.');
          return this.#engine.transfer(session.counter, args.field);
      }
    });
    const serving = this.#engine.state.counters.get(session.counter)?.serving;
    return serving ? { events, serving } : { events };
  }

  async logoutClerk(session: CounterSession): Promise<void> {
    if (this.#engine.state.counters.get(session.counter)?.clerk === session.clerk) {
      this.#run(() => this.#engine.logout(session.counter));
    }
  }

  async rate(counter: number, score: number): Promise<void> {
    this.#run(() => this.#engine.rate(counter, score));
  }

  async rejoin(number: string): Promise<void> {
    this.#run(() => this.#engine.rejoin(number));
  }

  snapshot(): AgentSnapshot {
    return toSnapshot({
      ward: this.ward,
      config: this.#config,
      state: this.#engine.state,
      cloud: { online: this.#parts.cloud.online, outboxDepth: this.#parts.store.depth() },
      devices: this.#devices.list(),
    });
  }

  subscribe(listener: (update: LiveUpdate) => void): () => void {
    this.#live.on('update', listener);
    return () => this.#live.off('update', listener);
  }

  announcement(number: string, counter: number): Promise<Buffer> {
    return this.#parts.announcer.announce(number, counter);
  }

  /** Runs a queue command: decide, persist, then let devices and pages follow. */
  #run(command: () => QueueEvent[]): QueueEvent[] {
    const events = this.#decide(command);
    this.#persist(events);
    this.#after(events);
    return events;
  }

  #decide<T>(command: () => T): T {
    try {
      return command();
    } catch (error) {
      if (error instanceof QueueError)
        throw new AgentError(QUEUE_ERROR_STATUS[error.code], error.code, error.message);
      throw error;
    }
  }

  /** Journal + outbox in one transaction, before anything is shown or sent. */
  #persist(events: readonly QueueEvent[]): void {
    if (events.length === 0) return;
    const { alerts } = this.#parts.store.append(events.map((e) => ({ id: e.id, day: e.day, body: e })));
    if (alerts.length > 0) {
      this.#record(
        alerts.map((a) => ({ type: 'agent_alert', alert: a.kind, detail: alertDetail(a) }) as NewQueueEvent),
      );
    }
  }

  #after(events: readonly QueueEvent[]): void {
    for (const event of events) {
      if (event.type === 'ticket_called' || event.type === 'ticket_recalled') {
        this.#parts.ledBoards?.show(event.counter, event.number).catch((error: unknown) => {
          this.#deviceChanged({
            id: 'led-boards',
            kind: 'led_board',
            ok: false,
            detail: (error as Error).message,
          });
        });
      }
    }
    this.#notify(events);
    this.#publisher.kick();
  }

  /** Records events that are not queue commands (alerts, device health) through the same path. */
  #record(events: NewQueueEvent[]): void {
    if (events.length === 0) return;
    const at = toLocalIso(this.#now());
    const day = this.#engine.state.day;
    const full = events.map((e) => ({ ...e, id: this.#parts.newId(), at, day }) as QueueEvent);
    this.#persist(full);
    this.#after(full);
  }

  #deviceChanged(device: DeviceView): void {
    if (!this.#devices.set(device)) return;
    void this.#publishStatus();
    this.#record([
      {
        type: 'device_health',
        device: device.id,
        kind: device.kind,
        ok: device.ok,
        ...(device.detail ? { detail: device.detail } : {}),
      } as NewQueueEvent,
    ]);
  }

  async #pollPrinter(): Promise<void> {
    const printer = this.#parts.printer;
    if (!printer) return;
    try {
      const problem = describeStatus(await printer.status());
      this.#deviceChanged({
        id: 'printer',
        kind: 'printer',
        ok: !problem || problem === 'Máy in sắp hết giấy',
        ...(problem ? { detail: problem } : {}),
      });
    } catch (error) {
      this.#deviceChanged({ id: 'printer', kind: 'printer', ok: false, detail: (error as Error).message });
    }
  }

  #notify(events: readonly QueueEvent[]): void {
    if (this.#live.listenerCount('update') === 0) return;
    this.#live.emit('update', { snapshot: this.snapshot(), events });
  }

  #onCommand(command: Command): void {
    const action = this.#commandAction(command);
    if (!action) return;
    try {
      this.#run(action);
    } catch {
      // A command from the web that the queue refuses (nobody waiting, nobody served…) changes nothing.
    }
  }

  /** What a command asks of the queue; undefined for one that is not about a counter. */
  #commandAction({ type, counter, field }: Command): (() => QueueEvent[]) | undefined {
    if (!counter) return undefined;
    switch (type) {
      case 'call_next':
        return () => this.#engine.callNext(counter);
      case 'recall':
        return () => this.#engine.recall(counter);
      case 'complete':
        return () => this.#engine.complete(counter);
      case 'no_show':
        return () => this.#engine.noShow(counter);
      case 'transfer':
        return field ? () => this.#engine.transfer(counter, field) : undefined;
      case 'announce':
        return undefined;
    }
  }

  #onConfig(raw: unknown): void {
    const parsed = this.#parts.saveWardConfig ? parseWardConfig(raw) : undefined;
    if (!parsed || parsed.version <= this.#config.version) return;
    this.#config = parsed;
    this.#parts.saveWardConfig?.(parsed);
    this.#engine = this.#replay(parsed);
    this.#notify([]);
  }

  #replay(config: WardConfig): QueueEngine {
    const deps = { now: this.#now, newId: this.#parts.newId };
    const today = new QueueEngine(config.queue, deps).state.day;
    const journal = this.#parts.store.journalFor(today).map((e) => e.body as QueueEvent);
    return new QueueEngine(config.queue, deps, journal);
  }
}

import { WardConfig as WardConfigSchema } from './ward-config.ts';

function parseWardConfig(raw: unknown): WardConfig | undefined {
  const parsed = WardConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function alertDetail(alert: StoreAlert): string {
  return alert.kind === 'store_corrupt'
    ? `store moved aside to ${alert.movedTo}: ${alert.detail}`
    : `${alert.dropped} oldest unsent events dropped (total ${alert.droppedTotal}, bound ${alert.maxPending})`;
}

function previousDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
