/** Dates and times as Vietnamese offices write them: dd/mm/yyyy, 24-hour, Asia/Ho_Chi_Minh. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | undefined {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `26/11/2026`; a plain `YYYY-MM-DD` is read as that local day. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** `26/11/2026 14:05` in Đà Nẵng's time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** `14:05` in Đà Nẵng's time. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.hour}:${p.minute}` : '';
}

/** Today's local day in Đà Nẵng as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const p = parts(now);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** `1.234.567 đ`, as fees are written. */
export function formatMoney(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}
