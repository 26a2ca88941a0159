import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from '../../../edge-agent/src/agent.ts';
import { AgentError } from '../../../edge-agent/src/agent-api.ts';
import { Announcer } from '../../../edge-agent/src/devices/audio/announcer.ts';
import { bundledClipsDir } from '../../../edge-agent/src/devices/audio/clips.ts';
import { LedBoardDriver } from '../../../edge-agent/src/devices/led-board/driver.ts';
import { LedBoardSimulator } from '../../../edge-agent/src/devices/led-board/simulator.ts';
import { NetworkPrinter } from '../../../edge-agent/src/devices/printer/network-printer.ts';
import { PrinterSimulator } from '../../../edge-agent/src/devices/printer/simulator.ts';
import { EventStore } from '../../../edge-agent/src/outbox/event-store.ts';
import { CounterSessions, hashPin } from '../../../edge-agent/src/sessions.ts';
import { seedWardConfig } from '../../../edge-agent/src/ward-config.ts';
import { FakeCloud } from '../../support/edge-agent/fake-cloud.ts';

const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const staff = [{ id: 'clerk.hai-chau-i', name: 'Nguyễn Thị Hoa', pinHash: hashPin('1234') }];

/** An agent on a real store, a real printer simulator and LED simulator, a fake clock and a fake cloud. */
async function setup(options: { start?: string; dir?: string; printer?: boolean } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'motcua-agent-'));
  if (!options.dir) dirs.push(dir);
  let now = Date.parse(options.start ?? '2026-03-02T08:00:00+07:00');
  const clock = () => new Date(now);
  const simulator = new PrinterSimulator();
  const { port } = await simulator.start();
  const led = new LedBoardSimulator({ protocol: 'ascii' });
  const cloud = new FakeCloud();
  const { store, alerts } = EventStore.open({ file: join(dir, 'events.db') });
  const ulid = monotonicFactory();
  const agent = new Agent({
    wardId: 'hai-chau-i',
    store,
    storeAlerts: alerts,
    wardConfig: seedWardConfig(staff),
    sessions: new CounterSessions(Buffer.alloc(32, 7), clock),
    cloud,
    ...(options.printer === false ? {} : { printer: new NetworkPrinter({ host: '127.0.0.1', port }) }),
    ledBoards: new LedBoardDriver({ transport: led, protocol: 'ascii', addressOf: (c) => c, gapMs: 0 }),
    announcer: new Announcer({ clipsDir: bundledClipsDir }),
    followUrl: 'http://127.0.0.1:4000/display',
    now: clock,
    newId: () => ulid(now),
  });
  await agent.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await agent.stop();
    await simulator.stop();
  };
  cleanups.push(stop);
  return {
    agent,
    cloud,
    simulator,
    led,
    dir,
    stop,
    setClock: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

describe('Class: Agent', () => {
  it('prints the ticket on the kiosk printer and reports who is ahead', async () => {
    const { agent, simulator } = await setup();
    await agent.issueTicket('ho-tich', null);
    const ticket = await agent.issueTicket('ho-tich', null);
    expect(ticket).toMatchObject({ number: 'C002', fieldName: 'Hộ tịch', ahead: 1, printed: true });
    expect(simulator.jobs).toHaveLength(2);
  });

  it('still gives the number when the printer is out of paper, and says why', async () => {
    const { agent, simulator } = await setup();
    simulator.setPaper('out');
    const ticket = await agent.issueTicket('chung-thuc', null);
    expect(ticket).toMatchObject({ number: 'B001', printed: false, printerProblem: 'Máy in hết giấy' });
    expect(simulator.jobs).toHaveLength(0);
    expect(agent.snapshot().devices).toContainEqual({
      id: 'printer',
      kind: 'printer',
      ok: false,
      detail: 'Máy in hết giấy',
    });
    expect(agent.snapshot().fields.find((f) => f.field === 'chung-thuc')?.waiting).toBe(1);
  });

  it('works with the cloud away, and sends everything once it is back, each event once', async () => {
    const { agent, cloud } = await setup();
    const { token } = await agent.loginClerk(2, 'clerk.hai-chau-i', '1234');
    const session = agent.session(token);
    expect(session).toEqual({ counter: 2, clerk: 'clerk.hai-chau-i' });
    for (let i = 0; i < 5; i++) await agent.issueTicket('ho-tich', null);
    await agent.counterAction({ counter: 2, clerk: 'clerk.hai-chau-i' }, 'call_next');
    await agent.counterAction({ counter: 2, clerk: 'clerk.hai-chau-i' }, 'complete');
    expect(cloud.batches).toHaveLength(0);
    expect(agent.outboxDepth).toBeGreaterThanOrEqual(8);
    cloud.failNext = 1;
    cloud.setOnline(true);
    await agent.idle();
    cloud.setOnline(true);
    await agent.idle();
    const ids = cloud.eventIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(agent.outboxDepth).toBe(0);
    expect(ids.length).toBeGreaterThanOrEqual(8);
  });

  it('shows a call on the counter’s LED board', async () => {
    const { agent, led } = await setup();
    await agent.loginClerk(4, 'clerk.hai-chau-i', '1234');
    await agent.issueTicket('xay-dung-nha-o-dat-dai', null);
    await agent.counterAction({ counter: 4, clerk: 'clerk.hai-chau-i' }, 'call_next');
    await expect.poll(() => led.textOf(4)).toBe('D001');
  });

  it('carries out counter commands from the cloud: call, no-show, transfer; one the queue refuses changes nothing', async () => {
    const { agent, cloud } = await setup();
    await agent.loginClerk(2, 'clerk.hai-chau-i', '1234');
    for (const field of ['chung-thuc', 'chung-thuc', 'ho-tich']) await agent.issueTicket(field, null);
    let id = 0;
    const send = (type: string, extra: Record<string, unknown> = {}) =>
      cloud.emit('command', {
        id: `cmd-${++id}`,
        type,
        counter: 2,
        expiresAt: '2026-03-02T08:01:00+07:00',
        ...extra,
      });
    const counter2 = () => agent.snapshot().counters.find((c) => c.counter === 2);
    const field = (id: string) => agent.snapshot().fields.find((f) => f.field === id);

    send('call_next');
    expect(counter2()?.serving).toBe('B001');
    send('no_show');
    expect(counter2()?.serving).toBeUndefined();
    expect(field('chung-thuc')).toMatchObject({ waiting: 1, noShowToday: 1 });
    send('no_show'); // nobody at the counter any more
    expect(field('chung-thuc')).toMatchObject({ noShowToday: 1 });

    send('call_next');
    send('transfer', { field: 'thue' }); // a field of the ward, though not of this counter
    expect(counter2()?.serving).toBeUndefined();
    expect(field('chung-thuc')?.waiting).toBe(0);
    expect(field('thue')?.waiting).toBe(1);
    send('call_next');
    send('transfer', { field: 'khong-co' }); // no such field: refused, C001 stays at the counter
    expect(counter2()?.serving).toBe('C001');
    expect(field('ho-tich')?.waiting).toBe(0);
  });

  it('refuses a wrong PIN and an unknown counter with clear errors', async () => {
    const { agent } = await setup();
    await expect(agent.loginClerk(2, 'clerk.hai-chau-i', '0000')).rejects.toMatchObject({ status: 401 });
    await expect(agent.loginClerk(42, 'clerk.hai-chau-i', '1234')).rejects.toMatchObject({ status: 404 });
    await expect(
      agent.counterAction({ counter: 2, clerk: 'clerk.hai-chau-i' }, 'complete'),
    ).rejects.toBeInstanceOf(AgentError);
  });

  it('comes back after a restart with the same queue and continues the numbering', async () => {
    const first = await setup();
    await first.agent.loginClerk(3, 'clerk.hai-chau-i', '1234');
    await first.agent.issueTicket('chung-thuc', null);
    await first.agent.issueTicket('chung-thuc', null);
    await first.agent.counterAction({ counter: 3, clerk: 'clerk.hai-chau-i' }, 'call_next');
    await first.stop();
    const second = await setup({ dir: first.dir });
    expect((await second.agent.issueTicket('chung-thuc', null)).number).toBe('B003');
    expect(second.agent.snapshot().counters.find((c) => c.counter === 3)).toMatchObject({ serving: 'B001' });
  });

  it('starts the numbering again after local midnight and keeps it when the clock steps back', async () => {
    const { agent, setClock } = await setup({ start: '2026-03-02T23:59:00+07:00' });
    expect((await agent.issueTicket('thue', null)).number).toBe('F001');
    setClock('2026-03-03T00:00:30+07:00');
    expect((await agent.issueTicket('thue', null)).number).toBe('F001');
    setClock('2026-03-02T23:58:30+07:00');
    expect((await agent.issueTicket('thue', null)).number).toBe('F002');
    setClock('2026-03-03T00:01:00+07:00');
    expect((await agent.issueTicket('thue', null)).number).toBe('F003');
    expect(agent.snapshot().day).toBe('2026-03-03');
  });

  it('pushes live updates to the pages with the events that caused them', async () => {
    const { agent } = await setup();
    const updates: string[][] = [];
    const unsubscribe = agent.subscribe((u) => updates.push(u.events.map((e) => e.type)));
    await agent.issueTicket('tu-van', null);
    unsubscribe();
    await agent.issueTicket('tu-van', null);
    expect(updates).toContainEqual(['ticket_issued']);
    expect(updates.filter((u) => u.includes('ticket_issued'))).toHaveLength(1);
  });

  it('builds the spoken call as one WAV', async () => {
    const { agent } = await setup();
    const wav = await agent.announcement('B012', 3);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.length).toBeGreaterThan(50_000);
  });
});
