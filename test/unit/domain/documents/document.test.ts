import { describe, expect, it } from 'vitest';
import { documentKey, MAX_DOCUMENT_BYTES, pendingDocument, UploadRequest } from '#domain/documents/document';

const valid = {
  name: 'Giấy khai sinh.pdf',
  kind: 'component',
  contentType: 'application/pdf',
  size: 1024,
  sha256: 'A'.repeat(64),
};

const fields = (input: unknown) => {
  const parsed = UploadRequest.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('UploadRequest', () => {
  it('accepts a declared scan and keeps the SHA-256 in lower case', () => {
    expect(UploadRequest.parse(valid)).toMatchObject({ ...valid, sha256: 'a'.repeat(64) });
  });

  it('accepts 50 MB and refuses one byte more, naming size', () => {
    expect(fields({ ...valid, size: MAX_DOCUMENT_BYTES })).toEqual([]);
    expect(fields({ ...valid, size: MAX_DOCUMENT_BYTES + 1 })).toEqual([
      `size: must be at most ${MAX_DOCUMENT_BYTES} bytes (50 MB)`,
    ]);
    expect(fields({ ...valid, size: 0 })[0]).toMatch(/^size:/);
    expect(fields({ ...valid, size: 1.5 })[0]).toMatch(/^size:/);
  });

  it('refuses a checksum that is not 64 hex digits', () => {
    expect(fields({ ...valid, sha256: 'xyz' })).toEqual([
      'sha256: must be the SHA-256 of the file as 64 hex digits',
    ]);
    expect(fields({ ...valid, sha256: Buffer.alloc(32).toString('base64') })[0]).toMatch(/^sha256:/);
  });

  it('refuses types scanners do not produce, and a name whose ending contradicts the type', () => {
    expect(fields({ ...valid, contentType: 'image/gif' })[0]).toMatch(/^contentType:/);
    expect(fields({ ...valid, contentType: 'application/x-msdownload' })[0]).toMatch(/^contentType:/);
    expect(fields({ ...valid, name: 'ảnh.png' })).toEqual([
      'name: ends in .png, which does not match contentType application/pdf',
    ]);
    expect(fields({ ...valid, name: 'trang-1.JPG', contentType: 'image/jpeg' })).toEqual([]);
    expect(fields({ ...valid, name: 'Bản quét không đuôi' })).toEqual([]);
  });

  it('refuses names with path separators or control characters, and unknown fields', () => {
    expect(fields({ ...valid, name: '../../etc/passwd' })[0]).toMatch(/^name:/);
    expect(fields({ ...valid, name: 'a\u0000.pdf' })[0]).toMatch(/^name:/);
    expect(fields({ ...valid, name: '   ' })[0]).toMatch(/^name:/);
    expect(fields({ ...valid, name: 'a\uD800.pdf' })).toEqual(['name: must be valid Unicode text']);
    expect(fields({ ...valid, key: 'hai-chau-i/other' })[0]).toMatch(/unknown field|Unrecognized key/i);
  });
});

describe('documentKey', () => {
  it('is ward / code / document id, whatever the file was called', () => {
    const request = UploadRequest.parse({ ...valid, name: 'x/../../y.pdf'.replaceAll('/', '_') });
    const document = pendingDocument(request, {
      documentId: '01JNQ9Z7X8S4Y3W2V1T0R9P8Q7',
      code: '000.01.01.H17-260302-0001',
      wardId: 'hai-chau-i',
      uploadedBy: 'clerk.hai-chau-i',
      createdAt: '2026-03-02T08:00:00+07:00',
    });
    expect(document.key).toBe('hai-chau-i/000.01.01.H17-260302-0001/01JNQ9Z7X8S4Y3W2V1T0R9P8Q7');
    expect(document.key).toBe(documentKey('hai-chau-i', document.code, document.documentId));
    expect(document.state).toBe('pending');
  });
});
