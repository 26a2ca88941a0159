import type { CalendarDay, CalendarDayKind } from './month-grid.ts';

const KINDS: readonly CalendarDayKind[] = ['holiday', 'day_off', 'makeup_workday'];

/** A problem the page can name before asking the API; `path` is written as the API writes its own. */
export interface ScheduleProblem {
  readonly path: string;
  readonly code: 'syntax' | 'shape' | 'notObject' | 'date' | 'otherYear' | 'kind' | 'name';
  /** The parser's message for a syntax error. */
  readonly detail?: string;
}

export type ParsedSchedule =
  | { readonly ok: true; readonly body: { readonly days: readonly CalendarDay[] } }
  | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the text of an announced schedule (`{ "days": [...] }`, or just the list) for `year`.
 * It checks what a typo most often breaks (JSON, dates, kinds, names); the rules about weekends
 * and duplicates stay with the API, which answers them per element.
 */
export function parseScheduleInput(text: string, year: number): ParsedSchedule {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(body)', code: 'syntax', detail: (error as Error).message }] };
  }
  const days = Array.isArray(value) ? value : isRecord(value) ? value.days : undefined;
  if (!Array.isArray(days)) return { ok: false, problems: [{ path: 'days', code: 'shape' }] };
  const problems: ScheduleProblem[] = [];
  days.forEach((day: unknown, i) => {
    const at = (name: string) => `days.${i}.${name}`;
    if (!isRecord(day)) {
      problems.push({ path: `days.${i}`, code: 'notObject' });
      return;
    }
    if (typeof day.date !== 'string' || !isRealDate(day.date))
      problems.push({ path: at('date'), code: 'date' });
    else if (Number(day.date.slice(0, 4)) !== year) problems.push({ path: at('date'), code: 'otherYear' });
    if (!KINDS.includes(day.kind as CalendarDayKind)) problems.push({ path: at('kind'), code: 'kind' });
    if (typeof day.name !== 'string' || day.name.trim() === '')
      problems.push({ path: at('name'), code: 'name' });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, body: { days: days as CalendarDay[] } };
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The schedule as the text the form takes, to start from the one in force. */
export function scheduleText(days: readonly CalendarDay[]): string {
  const lines = days.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "days": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** `days.3.date` → the 1-based entry number it names, for a sentence in the UI. */
export function entryNumberOf(path: string): number | undefined {
  const m = /^days\.(\d+)(\.|$)/.exec(path);
  return m ? Number(m[1]) + 1 : undefined;
}
