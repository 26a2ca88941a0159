import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '#domain/auth/principal';
import { ATTACH_ROLES, attachDocument, DocumentLimitError } from '#domain/documents/attach';
import { type DossierDocument, MAX_DOCUMENTS_PER_DOSSIER } from '#domain/documents/document';
import { verifyUpload } from '#domain/documents/verify-upload';
import { DossierStatus } from '#domain/dossier/status';
import { ForbiddenError } from '#domain/errors';
import { dossierIn, staff } from '../../../support/dossiers.ts';

const document: DossierDocument = {
  documentId: '01JNQ9Z7X8S4Y3W2V1T0R9P8Q7',
  code: '000.01.01.H17-260302-0001',
  wardId: 'hai-chau-i',
  name: 'Tờ khai đăng ký khai sinh.pdf',
  kind: 'component',
  contentType: 'application/pdf',
  size: 9,
  sha256: 'a'.repeat(64),
  key: 'hai-chau-i/000.01.01.H17-260302-0001/01JNQ9Z7X8S4Y3W2V1T0R9P8Q7',
  state: 'pending',
  uploadedBy: 'clerk.hai-chau-i',
  createdAt: '2026-03-02T08:00:00+07:00',
};
const now = new Date('2026-03-04T10:00:00+07:00');
const pdfHead = Uint8Array.from(Buffer.from('%PDF-1.7'));

describe('attachDocument', () => {
  it('moves the dossier up one version, counts the scan and writes an attach_document row in its state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DossierStatus.options),
        fc.constantFrom(...ATTACH_ROLES),
        (status, role) => {
          const dossier = dossierIn(status, { documentCount: 4, assignee: undefined });
          const { dossier: next, entry } = attachDocument(dossier, document, { principal: staff(role), now });
          expect(next).toEqual({
            ...dossier,
            documentCount: 5,
            version: dossier.version + 1,
            updatedAt: '2026-03-04T10:00:00+07:00',
          });
          expect(entry).toEqual({
            seq: dossier.version + 1,
            action: 'attach_document',
            from: status,
            to: status,
            actor: { userId: staff(role).userId, role },
            at: '2026-03-04T10:00:00+07:00',
            outcome: 'early',
            dueAt: dossier.dueAt,
            note: 'Đính kèm bản quét hồ sơ: Tờ khai đăng ký khai sinh.pdf',
            documentId: document.documentId,
          });
        },
      ),
    );
  });

  it.each<[string, Principal]>([
    ['a ward admin', staff('ward_admin')],
    [
      'a district official',
      { userId: 'district.hai-chau', roles: ['district_official'], districtId: 'hai-chau' },
    ],
    ['the city', { userId: 'city', roles: ['city_official'] }],
    ['a clerk of another ward', staff('clerk', 'thach-thang')],
  ])('refuses %s', (_, principal) => {
    expect(() => attachDocument(dossierIn('processing'), document, { principal, now })).toThrow(
      ForbiddenError,
    );
  });

  it('refuses the scan beyond the limit', () => {
    const full = dossierIn('processing', { documentCount: MAX_DOCUMENTS_PER_DOSSIER });
    expect(() => attachDocument(full, document, { principal: staff('clerk'), now })).toThrow(
      DocumentLimitError,
    );
    const almost = dossierIn('processing', { documentCount: MAX_DOCUMENTS_PER_DOSSIER - 1 });
    expect(attachDocument(almost, document, { principal: staff('clerk'), now }).dossier.documentCount).toBe(
      MAX_DOCUMENTS_PER_DOSSIER,
    );
  });

  it('names the page of a scan uploaded page by page', () => {
    const { entry } = attachDocument(
      dossierIn('received'),
      { ...document, page: 2 },
      {
        principal: staff('clerk' as Role),
        now,
      },
    );
    expect(entry.note).toBe('Đính kèm bản quét hồ sơ: Tờ khai đăng ký khai sinh.pdf (trang 2)');
  });
});

describe('verifyUpload', () => {
  const declared = { ...document, sha256: 'b'.repeat(64) };

  it('accepts the declared size, checksum and type', () => {
    expect(verifyUpload(declared, { size: 9, sha256: 'b'.repeat(64), head: pdfHead })).toBeUndefined();
  });

  it('names size, then sha256, then contentType', () => {
    expect(verifyUpload(declared, { size: 10, head: pdfHead })).toEqual({
      field: 'size',
      reason: 'the file has 10 bytes, 9 were declared',
    });
    expect(verifyUpload(declared, { size: 9, sha256: 'c'.repeat(64), head: pdfHead })?.field).toBe('sha256');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(verifyUpload(declared, { size: 9, sha256: 'b'.repeat(64), head: png })).toEqual({
      field: 'contentType',
      reason: 'the file is image/png, but application/pdf was declared',
    });
    expect(
      verifyUpload(declared, { size: 9, sha256: 'b'.repeat(64), head: Uint8Array.from([1, 2]) }),
    ).toEqual({
      field: 'contentType',
      reason: 'the file is not a PDF, JPEG, PNG or TIFF file, but application/pdf was declared',
    });
  });
});
