import { computeDue, stepOutcome } from '#domain/calendar/due-date';
import type { WorkingCalendar } from '#domain/calendar/working-calendar';
import { type Procedure, procedures } from '#domain/catalogue/procedures';
import { allWards, type Ward } from '#domain/catalogue/units';
import type { Channel, Dossier } from '#domain/dossier/dossier';
import { type DossierStatus, nationalStatusOf } from '#domain/dossier/status';
import { addDays, type LocalDate, localDateOf, parseClock, parseInstant, toLocalIso } from '#domain/time';

/**
 * A synthetic year of dossiers for the statistics benchmark: every ward of the city, a realistic
 * mix of procedures, channels and end states (early, on time, late, refused, withdrawn, still
 * pending), each a complete `Dossier` as the lifecycle would leave it, so the real fold counts it.
 */
export interface SyntheticYear {
  readonly year: number;
  readonly dossiers: number;
  readonly calendar: WorkingCalendar;
  /** Deterministic: the same seed gives the same year. */
  readonly seed?: number;
}

/** Share of each end state; the rest finish, early, on time or late as their close day falls. */
const REFUSED = 0.02;
const WITHDRAWN = 0.025;
const STUCK = 0.01;
const STOPPED = 0.01;
const REJECTED = 0.04;
const PAUSED = 0.06;
/** Of the finished dossiers: aimed at before the due day, on it, after it. */
const AIM_EARLY = 0.65;
const AIM_ON_TIME = 0.25;
/** Processing days drawn for a procedure the catalogue does not know yet. */
const UNKNOWN_DAYS = { min: 1, max: 15 };

/** mulberry32: small, fast, good enough to spread a benchmark's data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const at = (day: LocalDate, minutes: number) =>
  `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+07:00`;

/** Picks an index with probability proportional to its weight (cumulative weights given). */
function pick(cumulative: readonly number[], r: number): number {
  const target = r * (cumulative.at(-1) as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const cumulate = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((w) => {
    sum += w;
    return sum;
  });
};

/** Certification dominates a ward's counter, civil status follows, the rest is occasional. */
const FIELD_WEIGHT: Readonly<Record<string, number>> = { 'chung-thuc': 8, 'ho-tich': 2 };

interface WardPlan {
  readonly ward: Ward;
  readonly dossiers: number;
  readonly procedures: readonly Procedure[];
  readonly cumulative: readonly number[];
}

/** How many dossiers each ward gets (busy city wards to quiet communes) and which procedures it sees. */
function planWards(total: number, rnd: () => number): WardPlan[] {
  const popularity = new Map(procedures.map((p) => [p.id, (FIELD_WEIGHT[p.fieldId] ?? 0.5) * (0.2 + rnd())]));
  const weights = allWards.map(() => 0.3 + rnd() * 1.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  counts[0] = (counts[0] as number) + total - counts.reduce((a, b) => a + b, 0);
  return allWards.map((ward, i) => {
    const offered = procedures.filter((p) => FIELD_WEIGHT[p.fieldId] !== undefined || rnd() < 0.6);
    return {
      ward,
      dossiers: counts[i] as number,
      procedures: offered,
      cumulative: cumulate(offered.map((p) => popularity.get(p.id) as number)),
    };
  });
}

/** The working days from the start of `year` well into the next, with each date's position. */
function workingDays(calendar: WorkingCalendar, year: number) {
  const days: LocalDate[] = [];
  const index = new Map<LocalDate, number>();
  for (let d = `${year}-01-01`; d < `${year + 1}-07-01`; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) {
      index.set(d, days.length);
      days.push(d);
    }
  }
  const inYear = days.filter((d) => d.startsWith(String(year)));
  return { days, index, inYear };
}

/**
 * Calls `each` with every dossier of the year, as it stands at the beginning of the next year
 * (10 January, 17:00): those received in the last weeks are still pending, as a real year's are.
 */
export function generateYear(options: SyntheticYear, each: (dossier: Dossier) => void): void {
  const { year, calendar } = options;
  const rnd = random(options.seed ?? 2025);
  const { days, index, inYear } = workingDays(calendar, year);
  const asOf = parseInstant(`${year + 1}-01-10T17:00:00+07:00`).getTime();
  const dueCache = new Map<string, { countedFrom: LocalDate; dueAt: string }>();
  const dayAt = (i: number) => days[Math.min(i, days.length - 1)] as LocalDate;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  let serial = 0;

  for (const plan of planWards(options.dossiers, rnd)) {
    const { ward } = plan;
    for (let n = 0; n < plan.dossiers; n++) {
      const procedure = plan.procedures[pick(plan.cumulative, rnd())] as Procedure;
      const processingDays = procedure.processingDays ?? between(UNKNOWN_DAYS.min, UNKNOWN_DAYS.max);
      const r = rnd();
      const channel: Channel = r < 0.35 ? 'online' : r < 0.4 ? 'post' : 'in_person';
      const receivedDay = inYear[Math.floor(rnd() * inYear.length)] as LocalDate;
      // Counters open 07:30–17:30 (some after the cut-off); online filings come 06:00–22:00.
      const minutes = channel === 'online' ? between(6 * 60, 22 * 60) : between(7 * 60 + 30, 17 * 60 + 30);
      const receivedAt = at(receivedDay, minutes);
      const beforeCutoff = minutes < (parseClock(procedure.cutoff) as number);
      const dueKey = `${receivedDay}|${beforeCutoff}|${procedure.cutoff}|${processingDays}`;
      let due = dueCache.get(dueKey);
      if (!due) {
        const computed = computeDue(calendar, parseInstant(receivedAt), {
          processingDays,
          cutoff: procedure.cutoff,
        });
        due = { countedFrom: computed.countedFrom, dueAt: computed.dueAt };
        dueCache.set(dueKey, due);
      }
      let dueAt = due.dueAt;
      let pausedWorkingDays = 0;
      if (rnd() < PAUSED) {
        // A supplement request: the clock stops and the due day moves by the working days paused.
        pausedWorkingDays = between(1, 5);
        dueAt = `${dayAt((index.get(localDateOf(parseInstant(dueAt))) as number) + pausedWorkingDays)}T17:00:00+07:00`;
      }
      const dueDay = localDateOf(parseInstant(dueAt));
      const startIndex = index.get(due.countedFrom) as number;
      const dueIndex = index.get(dueDay) as number;
      serial += 1;
      const base: Dossier = {
        code: `${ward.agencyCode}-${String(year).slice(2)}-${String(serial).padStart(7, '0')}`,
        wardId: ward.id,
        districtId: ward.districtId,
        procedureId: procedure.id,
        fieldId: procedure.fieldId,
        channel,
        applicant: { fullName: 'Nguyễn Văn An' },
        documents: [{ name: 'Đơn đề nghị', form: 'original', quantity: 1 }],
        numberOfSets: 1,
        receivedAt,
        receivedBy: `clerk.${ward.id}`,
        countedFrom: due.countedFrom,
        processingDays,
        dueAt,
        status: 'received',
        nationalStatus: nationalStatusOf.received,
        pausedWorkingDays,
        lookupKeyHash: 'h',
        version: 1,
        updatedAt: receivedAt,
      };
      each(endState(base, rnd(), rnd, { startIndex, dueIndex, dayAt, between, asOf }));
    }
  }
}

interface Clock {
  readonly startIndex: number;
  readonly dueIndex: number;
  readonly dayAt: (i: number) => LocalDate;
  readonly between: (lo: number, hi: number) => number;
  readonly asOf: number;
}

/** The dossier at the end of its life, or where it stood at `asOf` if that comes first. */
function endState(base: Dossier, r: number, rnd: () => number, clock: Clock): Dossier {
  const { startIndex, dueIndex, dayAt, between, asOf } = clock;
  const done = (status: DossierStatus, fields: Partial<Dossier>, steps: number): Dossier => ({
    ...base,
    ...fields,
    status,
    nationalStatus: nationalStatusOf[status],
    version: 1 + steps,
  });
  const pending = (): Dossier => {
    const status: DossierStatus = rnd() < 0.5 ? 'processing' : rnd() < 0.5 ? 'awaiting_approval' : 'received';
    return done(status, {}, status === 'received' ? 0 : 2);
  };
  if (r < REFUSED) {
    const refusedAt = base.receivedAt;
    return done(
      'refused',
      {
        finishedAt: refusedAt,
        closedAt: refusedAt,
        outcome: stepOutcome(parseInstant(refusedAt), base.dueAt),
        reason: 'Hồ sơ không đủ thành phần theo quy định',
      },
      0,
    );
  }
  if (r < REFUSED + STUCK) return pending();
  // Early: a working day before the due day; on time: the due day by 17:00; late: 1–10 days after.
  const aim = rnd();
  let closeIndex: number;
  if (aim < AIM_EARLY && dueIndex > startIndex) closeIndex = between(startIndex, dueIndex - 1);
  else if (aim < AIM_EARLY + AIM_ON_TIME || dueIndex <= startIndex) closeIndex = dueIndex;
  else closeIndex = dueIndex + between(1, 10);
  const received = parseInstant(base.receivedAt).getTime();
  // 08:00–16:59, and never before the receipt itself.
  let closeTime = parseInstant(`${dayAt(closeIndex)}T08:00:00+07:00`).getTime() + between(0, 539) * 60_000;
  if (closeTime <= received) closeTime = received + between(15, 120) * 60_000;
  if (closeTime > asOf) return pending();
  const closedAt = new Date(closeTime);
  const closedIso = toLocalIso(closedAt);
  if (r < REFUSED + STUCK + WITHDRAWN) {
    return done('withdrawn', { closedAt: closedIso, updatedAt: closedIso, reason: 'Công dân rút hồ sơ' }, 2);
  }
  const outcome = stepOutcome(closedAt, base.dueAt);
  if (r < REFUSED + STUCK + WITHDRAWN + STOPPED) {
    return done(
      'stopped',
      { finishedAt: closedIso, closedAt: closedIso, outcome, updatedAt: closedIso, reason: 'Dừng xử lý' },
      2,
    );
  }
  const rejected = r < REFUSED + STUCK + WITHDRAWN + STOPPED + REJECTED;
  // Most results are handed back the same day or a few working days later.
  const returnedTime = closeTime + between(0, 3) * 86_400_000;
  const returned = returnedTime <= asOf && rnd() < 0.95;
  const returnedIso = returned ? toLocalIso(new Date(returnedTime)) : undefined;
  return done(
    returned ? 'returned' : rejected ? 'rejected' : 'result_ready',
    {
      finishedAt: closedIso,
      outcome,
      ...(returnedIso ? { closedAt: returnedIso, updatedAt: returnedIso } : { updatedAt: closedIso }),
      ...(rejected ? { reason: 'Không đủ điều kiện giải quyết' } : {}),
    },
    rejected ? 4 : 6,
  );
}
