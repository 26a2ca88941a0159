import { fold, queryWords } from '../../shared/search.ts';

/** What the search reads of a procedure. */
export interface SearchableProcedure {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly fieldId: string;
}

/** How well a procedure matches, best first; undefined when it does not match at all. */
function tierOf(p: SearchableProcedure, query: string, words: readonly string[]): number | undefined {
  const code = p.id.toLowerCase();
  if (code === query) return 0;
  const name = fold(p.name);
  const haystack = `${code} ${name} ${fold(p.nameEn)}`;
  if (!words.every((w) => haystack.includes(w))) return undefined;
  if (name.startsWith(query) || code.startsWith(query)) return 1;
  if (` ${name} `.includes(` ${query} `)) return 2;
  if (name.includes(query)) return 3;
  return 4;
}

/**
 * The procedures matching `query` (words of the name or the code, marks optional), best match
 * first. An exact code wins outright; otherwise the fields this counter serves come before the
 * others, since they are what the clerk receives most; then the closer match, then the shorter
 * name (`khai sinh` puts `Đăng ký khai sinh` before `Đăng ký lại khai sinh`).
 */
export function searchProcedures<P extends SearchableProcedure>(
  list: readonly P[],
  query: string,
  preferredFields: readonly string[] = [],
): P[] {
  const q = fold(query);
  const words = queryWords(query);
  const preferred = new Set(preferredFields);
  const ranked: { p: P; tier: number; order: number }[] = [];
  list.forEach((p, order) => {
    const tier = q ? tierOf(p, q, words) : 4;
    if (tier !== undefined) ranked.push({ p, tier, order });
  });
  const fieldRank = (p: P) => (preferred.has(p.fieldId) ? 0 : 1);
  ranked.sort(
    (a, b) =>
      Number(b.tier === 0) - Number(a.tier === 0) ||
      fieldRank(a.p) - fieldRank(b.p) ||
      a.tier - b.tier ||
      (q ? a.p.name.length - b.p.name.length : 0) ||
      a.order - b.order,
  );
  return ranked.map((r) => r.p);
}
