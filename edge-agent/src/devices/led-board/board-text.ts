/**
 * What a counter LED board can show: 7-bit printable ASCII. Vietnamese loses its diacritics
 * ("Quầy 3" → "Quay 3"), which people read without trouble on a number board; anything else
 * becomes '?'. Control bytes can never reach the text, so they cannot break a frame.
 */

const PUNCTUATION: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
};

/** The text as 7-bit printable ASCII, without diacritics (đ → d). */
export function toBoardText(text: string): string {
  return (
    text
      // đ/Đ are letters of their own, not d with a mark, so NFD would leave them.
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\s/gu, ' ')
      .replace(/[^\x20-\x7e]/gu, (c) => PUNCTUATION[c] ?? '?')
  );
}

/** Whether every byte is printable ASCII (0x20–0x7E), as board text must be. */
export function isBoardText(bytes: Uint8Array): boolean {
  return bytes.every((b) => b >= 0x20 && b <= 0x7e);
}
