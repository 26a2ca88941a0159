import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFallback, encodeRfc5987, inlineDisposition } from '#api/content-disposition';

describe('inlineDisposition', () => {
  it('gives an ASCII name and the exact UTF-8 name (RFC 5987)', () => {
    expect(inlineDisposition('Đơn đề nghị (bản chính).pdf')).toBe(
      `inline; filename="Don de nghi (ban chinh).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf`,
    );
  });

  it('never lets a name end the quoted string or carry a header break', () => {
    expect(asciiFallback('a"b\\c\r\nd.pdf')).toBe('a_b_c__d.pdf');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const header = inlineDisposition(name);
        expect(header).not.toMatch(/[\r\n]/);
        expect(asciiFallback(name)).toMatch(/^[\x20-\x7e]*$/);
        expect(asciiFallback(name)).not.toMatch(/["\\]/);
        expect(encodeRfc5987(name)).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
      }),
    );
  });

  it('encodes a name with a lone surrogate instead of failing', () => {
    expect(encodeRfc5987('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('round-trips the UTF-8 name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        expect(decodeURIComponent(encodeRfc5987(name))).toBe(name.normalize('NFC'));
      }),
    );
  });
});
