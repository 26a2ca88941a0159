/**
 * `Content-Disposition` for a file shown in the browser: `inline`, an ASCII `filename` for old
 * clients and the exact UTF-8 name as RFC 5987/6266 `filename*`, so Vietnamese names survive.
 */
export function inlineDisposition(fileName: string): string {
  return `inline; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** The name without diacritics (`Hồ sơ` → `Ho so`), quotes and control characters replaced. */
export function asciiFallback(fileName: string): string {
  return (
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      // Printable ASCII only, and nothing that would end or escape the quoted string.
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 5987 `value-chars`: percent-encoded UTF-8 except the unreserved attr-chars. */
export function encodeRfc5987(value: string): string {
  // A lone surrogate cannot be encoded as UTF-8 (encodeURIComponent throws): it becomes U+FFFD.
  const wellFormed = value.replace(LONE_SURROGATE, '\uFFFD');
  return encodeURIComponent(wellFormed.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
