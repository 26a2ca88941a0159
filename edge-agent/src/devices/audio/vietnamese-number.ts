/**
 * Reads an integer 0–9999 the way a Vietnamese announcer says it, as a list of clip names.
 *
 * The rules (as taught in Vietnamese schools and used in official reading):
 * - 10 is "mười"; 20–90 are "<digit> mươi" (hai mươi), never "mười" after a digit.
 * - A unit 1 after "mươi" is "mốt" (hai mươi mốt) but stays "một" after "mười" (mười một).
 * - A unit 5 after "mười"/"mươi" is "lăm" (mười lăm, năm mươi lăm); elsewhere it is "năm".
 * - A unit 4 after "mươi" may be "tư" (hai mươi tư) or "bốn"; after "mười" it is "bốn".
 * - Zero tens before a unit, after "trăm", is "linh" (Northern, official) or "lẻ" (Southern).
 * - Inside thousands, zero hundreds are said: 1005 "một nghìn không trăm linh năm".
 */

/** A word of a number reading; each is the name of one audio clip. */
export type NumberWord =
  | 'khong'
  | 'mot'
  | 'hai'
  | 'ba'
  | 'bon'
  | 'nam'
  | 'sau'
  | 'bay'
  | 'tam'
  | 'chin'
  | 'muoi'
  | 'muoi-ngang'
  | 'mot-sac'
  | 'lam'
  | 'tu'
  | 'tram'
  | 'nghin'
  | 'ngan'
  | 'linh'
  | 'le';

/**
 * The Vietnamese of each word. The two pairs that would share an ASCII slug are told apart by
 * their tone: "mươi" (thanh ngang, the tens) and "mốt" (dấu sắc, a unit 1 after mươi).
 */
export const NUMBER_WORD_TEXT = {
  khong: 'không',
  mot: 'một',
  hai: 'hai',
  ba: 'ba',
  bon: 'bốn',
  nam: 'năm',
  sau: 'sáu',
  bay: 'bảy',
  tam: 'tám',
  chin: 'chín',
  muoi: 'mười',
  'muoi-ngang': 'mươi',
  'mot-sac': 'mốt',
  lam: 'lăm',
  tu: 'tư',
  tram: 'trăm',
  nghin: 'nghìn',
  ngan: 'ngàn',
  linh: 'linh',
  le: 'lẻ',
} as const satisfies Record<NumberWord, string>;

/** The regional choices a ward may make; every one of them is correct Vietnamese. */
export interface ReadingStyle {
  /** A unit 4 after "mươi": 'tu' (hai mươi tư) or 'bon' (hai mươi bốn). */
  readonly four: 'tu' | 'bon';
  /** Zero tens after "trăm": 'linh' (một trăm linh năm) or 'le' (một trăm lẻ năm). */
  readonly zeroTens: 'linh' | 'le';
  /** The thousand: 'nghin' (Northern, official) or 'ngan' (Southern). */
  readonly thousand: 'nghin' | 'ngan';
}

/**
 * "tư" after mươi: the form schoolbooks teach and announcers use, and clearer over a loudspeaker
 * than "bốn" next to "mươi". "linh" and "nghìn": the Northern forms used in official documents.
 */
export const DEFAULT_READING_STYLE: ReadingStyle = { four: 'tu', zeroTens: 'linh', thousand: 'nghin' };

const DIGITS = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'] as const;

/** The largest number `readNumber` reads; ticket sequences and counters stay far below it. */
export const MAX_READABLE = 9999;

/** The words of `n` (0–9999), as clip names; e.g. 1005 → mot nghin khong tram linh nam. */
export function readNumber(n: number, style: Partial<ReadingStyle> = {}): NumberWord[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_READABLE) {
    throw new RangeError(`cannot read ${n}: only integers 0–${MAX_READABLE} are read`);
  }
  const s = { ...DEFAULT_READING_STYLE, ...style };
  if (n < 10) return [digit(n)];
  if (n < 100) return tens(n, s);
  if (n < 1000) return hundreds(n, s);
  const rest = n % 1000;
  const head: NumberWord[] = [digit(Math.floor(n / 1000)), s.thousand];
  return rest === 0 ? head : [...head, ...hundreds(rest, s)];
}

/** The Vietnamese text of `n`, with diacritics; e.g. 1005 → 'một nghìn không trăm linh năm'. */
export function wordsText(n: number, style: Partial<ReadingStyle> = {}): string {
  return readNumber(n, style)
    .map((word) => NUMBER_WORD_TEXT[word])
    .join(' ');
}

/** 0–999 with the hundreds always said, so 5 inside 1005 becomes "không trăm linh năm". */
function hundreds(n: number, s: ReadingStyle): NumberWord[] {
  const head: NumberWord[] = [digit(Math.floor(n / 100)), 'tram'];
  const rest = n % 100;
  if (rest === 0) return head;
  if (rest < 10) return [...head, s.zeroTens, digit(rest)];
  return [...head, ...tens(rest, s)];
}

/** 10–99. */
function tens(n: number, s: ReadingStyle): NumberWord[] {
  const t = Math.floor(n / 10);
  const u = n % 10;
  const head: NumberWord[] = t === 1 ? ['muoi'] : [digit(t), 'muoi-ngang'];
  if (u === 0) return head;
  if (u === 5) return [...head, 'lam'];
  if (u === 1 && t >= 2) return [...head, 'mot-sac'];
  if (u === 4 && t >= 2) return [...head, s.four];
  return [...head, digit(u)];
}

function digit(d: number): NumberWord {
  return DIGITS[d] as NumberWord;
}
