import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatSize,
  MAX_SCAN_BYTES,
  scanContentType,
  scanRefusal,
  settableUploadHeaders,
  sha256Hex,
} from '../../../../web/src/features/counter-desk/scan-file.ts';

describe('scan files', () => {
  it('declares the type the name’s ending says, as the API checks it', () => {
    expect(scanContentType('Tờ khai.PDF', '')).toBe('application/pdf');
    expect(scanContentType('trang-1.jpg', 'image/jpeg')).toBe('image/jpeg');
    expect(scanContentType('scan.tif', 'application/octet-stream')).toBe('image/tiff');
    expect(scanContentType('scan', 'image/png')).toBe('image/png');
  });

  it('refuses types the API cannot check, empty files and files over 50 MB', () => {
    expect(scanContentType('don.docx', 'application/msword')).toBeUndefined();
    expect(scanRefusal({ name: 'don.docx', type: '', size: 10 })).toBe('type');
    expect(scanRefusal({ name: 'a.pdf', type: '', size: 0 })).toBe('empty');
    expect(scanRefusal({ name: 'a.pdf', type: '', size: MAX_SCAN_BYTES + 1 })).toBe('tooLarge');
    expect(scanRefusal({ name: 'a.pdf', type: '', size: MAX_SCAN_BYTES })).toBeUndefined();
  });

  it('hashes the bytes as the upload request declares them', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 scan');
    expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('leaves Content-Length to the browser and sends every other signed header', () => {
    const headers = { 'content-type': 'image/png', 'content-length': '42', 'x-amz-checksum-sha256': 'abc=' };
    expect(settableUploadHeaders(headers)).toEqual([
      ['content-type', 'image/png'],
      ['x-amz-checksum-sha256', 'abc='],
    ]);
  });

  it('writes sizes the Vietnamese way', () => {
    expect(formatSize(1536 * 1024)).toBe('1,5 MB');
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(40 * 1024)).toBe('40 KB');
  });
});
