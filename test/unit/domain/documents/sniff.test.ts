import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanContentType } from '#domain/documents/document';
import { SNIFF_BYTES, sniffContentType } from '#domain/documents/sniff';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('sniffContentType', () => {
  it.each([
    ['a PDF', ascii('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0, 0x45, 0x78), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a little-endian TIFF', bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), 'image/tiff'],
    ['a big-endian TIFF', bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8), 'image/tiff'],
    ['a BigTIFF', bytes(0x49, 0x49, 0x2b, 0, 8, 0, 0, 0), 'image/tiff'],
  ])('recognises %s', (_, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['a GIF', ascii('GIF89a\x01\x00')],
    ['a ZIP or DOCX', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0)],
    ['HTML', ascii('<!doctype html>')],
    ['a PDF header that does not start the file', ascii(' %PDF-1.7')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a truncated JPEG marker', bytes(0xff, 0xd8)],
  ])('recognises nothing in %s', (_, head) => {
    expect(sniffContentType(head)).toBeUndefined();
  });

  it('needs no more than SNIFF_BYTES and ignores what follows them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), (data) => {
        expect(sniffContentType(data)).toBe(sniffContentType(data.subarray(0, SNIFF_BYTES)));
      }),
    );
  });

  it('answers only scan types, and only for bytes that start with their signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 16 }), (data) => {
        const type = sniffContentType(data);
        if (type === undefined) return;
        expect(ScanContentType.options).toContain(type);
        const first = data[0];
        expect([0x25, 0xff, 0x89, 0x49, 0x4d]).toContain(first);
      }),
    );
  });
});
