import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseDossierCode } from '#domain/dossier/code';

/**
 * Characters of the lookup key printed on the receipt: uppercase letters and digits without
 * 0, O, 1, I and L, which citizens confuse when they type the key back in. 31 characters, so
 * an 8-character key carries about 39.6 bits.
 */
export const LOOKUP_KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LOOKUP_KEY_LENGTH = 8;

// Bytes at or above the largest multiple of the alphabet size are discarded, so every
// character is equally likely (plain `byte % 31` would favour the first 8 characters).
const UNBIASED_LIMIT = 256 - (256 % LOOKUP_KEY_ALPHABET.length);
const KEY = new RegExp(`^[${LOOKUP_KEY_ALPHABET}]{${LOOKUP_KEY_LENGTH}}$`);
const HASH = /^[0-9a-f]{64}$/i;
// Versioned so the hash of a lookup key can never collide with another use of SHA-256 here.
const DOMAIN = 'motcua/dossier-lookup-key/v1';

export function newLookupKey(): string {
  let key = '';
  while (key.length < LOOKUP_KEY_LENGTH) {
    for (const byte of randomBytes(LOOKUP_KEY_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      key += LOOKUP_KEY_ALPHABET[byte % LOOKUP_KEY_ALPHABET.length];
      if (key.length === LOOKUP_KEY_LENGTH) break;
    }
  }
  return key;
}

/** The key as typed (any case, spaces, dashes such as 'abcd-efgh') in canonical form; undefined if not a key. */
export function normaliseLookupKey(key: string): string | undefined {
  if (typeof key !== 'string') return undefined;
  const canonical = key.trim().toUpperCase().replace(/[\s-]/g, '');
  return KEY.test(canonical) ? canonical : undefined;
}

/** SHA-256 hex stored with the dossier instead of the key; RangeError for a malformed code or key. */
export function hashLookupKey(code: string, key: string): string {
  if (parseDossierCode(code) === undefined) throw new RangeError('not a dossier code');
  const canonical = normaliseLookupKey(key);
  if (canonical === undefined) throw new RangeError('not a lookup key');
  // Binding the code means a key leaked for one dossier opens no other.
  return createHash('sha256').update(`${DOMAIN}\n${code}\n${canonical}`).digest('hex');
}

/** True when `key` is the lookup key of dossier `code`; false for malformed input, never throws. */
export function matchesLookupKey(code: string, key: string, hash: string): boolean {
  if (typeof hash !== 'string' || !HASH.test(hash)) return false;
  if (parseDossierCode(code) === undefined || normaliseLookupKey(key) === undefined) return false;
  const expected = Buffer.from(hashLookupKey(code, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}
