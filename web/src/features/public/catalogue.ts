import type { Procedure } from '../../shared/api/types.ts';
import { matchesWords, queryWords } from '../../shared/search.ts';
import type { Lang } from './lang.ts';

/** The procedures whose code or name (either language) holds every word of `q`, in `fieldId` if given. */
export function searchProcedures(
  list: readonly Procedure[],
  { q, fieldId }: { q: string; fieldId?: string | undefined },
): Procedure[] {
  const words = queryWords(q);
  return list.filter(
    (p) => (!fieldId || p.fieldId === fieldId) && matchesWords(words, p.id, p.name, p.nameEn),
  );
}

/** A procedure's name in the chosen language. */
export function procedureName(p: Pick<Procedure, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? p.nameEn : p.name;
}

/** The processing time as citizens read it: working days, same day, or not published yet. */
export function processingTimeText(days: number | null, lang: Lang): string {
  if (days === null) return lang === 'en' ? 'Not published' : 'Chưa công bố';
  if (days === 0) return lang === 'en' ? 'Same day' : 'Trong ngày';
  if (lang === 'en') return `${days} working ${days === 1 ? 'day' : 'days'}`;
  return `${days} ngày làm việc`;
}

/** The fee as published, or a plain "not published". */
export function feeText(fee: Procedure['fee'], lang: Lang): string {
  return fee?.text ?? (lang === 'en' ? 'Not published' : 'Chưa công bố');
}
