import { expectStatus, type LanReply, lan } from './agent-lan.ts';
import { COUNTERS } from './agent-setup.ts';

/** Share of the day's tickets per field: certification and civil status are most of a ward's hall. */
const FIELD_WEIGHTS: readonly (readonly [string, number])[] = [
  ['chung-thuc', 30],
  ['ho-tich', 20],
  ['xay-dung-nha-o-dat-dai', 12],
  ['lao-dong-thuong-binh-xa-hoi', 12],
  ['van-thu', 8],
  ['thue', 6],
  ['linh-vuc-khac', 6],
  ['tu-van', 6],
];
const FIELDS = FIELD_WEIGHTS.map(([field]) => field);
const PRIORITIES = ['elderly', 'disabled', 'pregnant', 'young_children'] as const;

export interface DayOptions {
  readonly tickets: number;
  readonly tokens: ReadonlyMap<number, string>;
  /** Fetch the WAV of every call, as the hall display does. */
  readonly announce?: boolean;
  /** Checked between rounds; true ends the day there (the outbox fill stops near its target). */
  readonly stop?: (tally: DayTally) => boolean;
  readonly progress?: (tally: DayTally) => void;
  readonly seed?: number;
}

/** What the day did; `events` counts the queue events the agent's replies reported. */
export interface DayTally {
  issued: number;
  calls: number;
  served: number;
  recalls: number;
  noShows: number;
  rejoins: number;
  transfers: number;
  ratings: number;
  events: number;
}

/**
 * A ward's day through the LAN API, in rounds: the kiosk issues two tickets, then every counter
 * takes one step at once — call the next number, or finish the one at the counter (mostly served
 * and rated on the pad; some recalled, no-shows (some come back), a few sent to another field).
 * Rounds keep the queue short, as a steady hall does, and make the day reproducible by its seed.
 */
export async function runDay(url: string, options: DayOptions): Promise<DayTally> {
  const rand = seeded(options.seed ?? 20_250_601);
  const tally: DayTally = {
    issued: 0,
    calls: 0,
    served: 0,
    recalls: 0,
    noShows: 0,
    rejoins: 0,
    transfers: 0,
    ratings: 0,
    events: 0,
  };
  const fieldOf = new Map<string, string>();
  const serving = new Map<number, string>();
  const idle = new Set<number>();
  let rejoining: string[] = [];

  const act = async (counter: number, action: string, body?: unknown): Promise<LanReply> => {
    const token = options.tokens.get(counter);
    const reply = await lan(url, `/api/counters/${counter}/${action}`, { token, body: body ?? {} });
    if (reply.status === 200) tally.events += (reply.body.events as unknown[]).length;
    return reply;
  };

  /** One step of one counter: finish what it is serving, or call the next number. */
  const step = async (counter: number): Promise<void> => {
    const number = serving.get(counter);
    if (!number) {
      const reply = await act(counter, 'call-next');
      if (reply.status === 409 && (reply.body.error as { code?: string })?.code === 'nobody_waiting') {
        idle.add(counter);
        return;
      }
      expectStatus(reply, 200, `call-next at counter ${counter}`);
      idle.delete(counter);
      tally.calls += 1;
      const called = String(reply.body.serving);
      serving.set(counter, called);
      if (options.announce) {
        const wav = await fetch(`${url}/api/announcements/${called}/${counter}.wav`);
        await wav.arrayBuffer();
        if (!wav.ok) throw new Error(`announcement of ${called}: HTTP ${wav.status}`);
      }
      return;
    }
    const r = rand();
    serving.delete(counter);
    if (r < 0.05) {
      const reply = expectStatus(await act(counter, 'recall'), 200, `recall at counter ${counter}`);
      // The third recall of one number makes it a no-show (noShowAfterRecalls = 2).
      if ((reply.body.events as { type: string }[]).some((e) => e.type === 'ticket_no_show')) {
        tally.noShows += 1;
        if (rand() < 0.4) rejoining.push(number);
      } else {
        tally.recalls += 1;
        serving.set(counter, number);
      }
    } else if (r < 0.07) {
      expectStatus(await act(counter, 'no-show'), 200, `no-show at counter ${counter}`);
      tally.noShows += 1;
      if (rand() < 0.4) rejoining.push(number);
    } else if (r < 0.09) {
      const others = FIELDS.filter((f) => f !== fieldOf.get(number));
      const field = others[Math.floor(rand() * others.length)] as string;
      expectStatus(await act(counter, 'transfer', { field }), 200, `transfer at counter ${counter}`);
      fieldOf.set(number, field);
      tally.transfers += 1;
    } else {
      expectStatus(await act(counter, 'complete'), 200, `complete at counter ${counter}`);
      tally.served += 1;
      if (rand() < 0.75) {
        const score = 1 + Math.floor(rand() * 4);
        expectStatus(await lan(url, '/api/ratings', { body: { counter, score } }), 201, 'rating');
        tally.ratings += 1;
        tally.events += 1;
      }
    }
  };

  for (let round = 0; round < options.tickets * 20; round++) {
    if (options.stop?.(tally)) return tally;
    for (let i = 0; i < 2 && tally.issued < options.tickets; i++) {
      const field = pick(rand());
      const priority = rand() < 0.05 ? PRIORITIES[Math.floor(rand() * PRIORITIES.length)] : null;
      const reply = await lan(url, '/api/tickets', { body: { field, priority } });
      expectStatus(reply, 201, 'kiosk press');
      fieldOf.set(String(reply.body.number), field);
      tally.issued += 1;
      tally.events += 1;
      if (tally.issued % 500 === 0) options.progress?.(tally);
    }
    for (const number of rejoining) {
      expectStatus(await lan(url, `/api/tickets/${number}/rejoin`), 200, `rejoin of ${number}`);
      tally.rejoins += 1;
      tally.events += 1;
    }
    rejoining = [];
    const kioskDone = tally.issued >= options.tickets;
    // An idle counter looks again every fourth round (a clerk does not press "next" non-stop);
    // once the kiosk is done every counter looks each round until the hall is empty.
    const stepping = COUNTERS.filter((c) => kioskDone || !idle.has(c) || round % 4 === 0);
    await Promise.all(stepping.map(step));
    if (kioskDone && serving.size === 0 && rejoining.length === 0 && COUNTERS.every((c) => idle.has(c)))
      return tally;
  }
  throw new Error(`the day did not end: ${JSON.stringify(tally)}`);
}

/** A field by the day's weights, for r in [0, 1). */
function pick(r: number): string {
  const total = FIELD_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let left = r * total;
  for (const [field, weight] of FIELD_WEIGHTS) {
    left -= weight;
    if (left < 0) return field;
  }
  return FIELDS[0] as string;
}

/** Seeded pseudo-random numbers in [0, 1), so every run is the same day. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
