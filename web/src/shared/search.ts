/**
 * Vietnamese folded to plain lower-case ASCII with single spaces, so a search may be typed
 * without marks (`dang ky khai sinh` finds `Đăng ký khai sinh`). `đ` has no combining mark to strip.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, folded; every word must appear for a match. */
export function queryWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

/** True when every word of the query appears in one of the texts (accents and case ignored). */
export function matchesWords(words: readonly string[], ...texts: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = fold(texts.join(' '));
  return words.every((w) => haystack.includes(w));
}
