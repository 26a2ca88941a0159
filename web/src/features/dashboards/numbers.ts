/** The UI languages (shared/i18n), named here so this file stays free of React. */
type Lang = 'vi' | 'en';

/** Numbers as each language writes them: `1.234` and `92,5 %` in Vietnamese, `1,234` and `92.5%` in English. */
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

const formats = new Map<string, Intl.NumberFormat>();
function format(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: decimals, useGrouping: true });
    formats.set(key, f);
  }
  return f;
}

/** What stands for a figure that does not exist (a rate with nothing to divide). */
export const NO_FIGURE = '—';

/** A count or a measure, grouped by thousands; `—` for null. */
export function formatNumber(n: number | null | undefined, lang: Lang = 'vi', decimals = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_FIGURE;
  return format(lang, decimals).format(n);
}

/** A share 0–1 as a percentage with one decimal: `92,5 %`; `—` for null. */
export function formatPercent(rate: number | null | undefined, lang: Lang = 'vi'): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NO_FIGURE;
  const text = formatNumber(Math.round(rate * 1000) / 10, lang, 1);
  return lang === 'en' ? `${text}%` : `${text} %`;
}

/** Minutes with one decimal: `4,5 phút`. */
export function formatMinutes(minutes: number | null | undefined, lang: Lang = 'vi'): string {
  if (minutes === null || minutes === undefined) return NO_FIGURE;
  return `${formatNumber(minutes, lang, 1)} ${lang === 'en' ? 'min' : 'phút'}`;
}
