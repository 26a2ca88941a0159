import { isDossierCode, normaliseCode } from '../../shared/units.ts';

/** A lookup key as typed (spaces, dashes, lower case) in the form printed on the receipt. */
export function normaliseKey(key: string): string {
  return key.replace(/[\s-]+/g, '').toUpperCase();
}

/** What a scanned QR code asks to look up. */
export interface ScannedLookup {
  readonly code: string;
  readonly key?: string;
}

/**
 * Reads a receipt's QR code: the lookup address `<origin>/lookup?code=…&key=…`, or a bare
 * dossier code (older receipts and hand-written notes carry only the code).
 */
export function parseScanned(text: string): ScannedLookup | undefined {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return undefined;
    }
    const code = url.searchParams.get('code');
    if (!code || !isDossierCode(normaliseCode(code))) return undefined;
    const key = url.searchParams.get('key');
    return key ? { code: normaliseCode(code), key: normaliseKey(key) } : { code: normaliseCode(code) };
  }
  const code = normaliseCode(trimmed);
  return isDossierCode(code) ? { code } : undefined;
}
