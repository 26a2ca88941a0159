import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { presignDownload, presignUpload, URL_EXPIRY_SECONDS } from '#adapters/scan-urls';
import { inlineDisposition } from '#api/content-disposition';
import { presignedSignature } from '../../support/sigv4.ts';

// Signed the way the Lambda signs (virtual-hosted style, the SDK's defaults plus ours), offline.
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const client = new S3Client({
  region: 'ap-southeast-1',
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
const now = new Date('2026-03-02T01:00:00Z');
const body = Buffer.from('%PDF-1.7\nbản quét\n%%EOF');
const sha256Hex = createHash('sha256').update(body).digest('hex');
const target = {
  bucket: 'motcua-scans-hai-chau',
  key: 'hai-chau-i/000.01.01.H17-260302-0001/01JNQ9Z7X8S4Y3W2V1T0R9P8Q7',
  contentType: 'application/pdf',
  size: body.length,
  sha256Hex,
};

describe('presignUpload', () => {
  it('signs content-type, content-length and the SHA-256 checksum as headers, for five minutes', async () => {
    const upload = await presignUpload(target, now, client);
    const url = new URL(upload.url);
    expect(url.host).toBe('motcua-scans-hai-chau.s3.ap-southeast-1.amazonaws.com');
    expect(url.pathname).toBe(`/${target.key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(URL_EXPIRY_SECONDS));
    expect(URL_EXPIRY_SECONDS).toBe(300);
    expect(url.searchParams.get('X-Amz-Date')).toBe('20260302T010000Z');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual([
      'content-length',
      'content-type',
      'host',
      'x-amz-checksum-sha256',
    ]);
    expect(upload.expiresAt).toBe('2026-03-02T08:05:00+07:00');
  });

  it('returns exactly the headers the signature covers, the checksum as base64 of the SHA-256', async () => {
    const upload = await presignUpload(target, now, client);
    expect(upload.headers).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(body.length),
      'x-amz-checksum-sha256': createHash('sha256').update(body).digest('base64'),
    });
    const url = new URL(upload.url);
    // Nothing the uploader could not reproduce: no checksum algorithm or value in the query.
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
  });

  it('is bound to those header values: the signature matches them and no other length, type or checksum', async () => {
    const upload = await presignUpload(target, now, client);
    const signature = new URL(upload.url).searchParams.get('X-Amz-Signature');
    const sign = (headers: Record<string, string>) =>
      presignedSignature('PUT', upload.url, headers, credentials.secretAccessKey);
    expect(sign(upload.headers)).toBe(signature);
    expect(sign({ ...upload.headers, 'content-length': String(body.length + 1) })).not.toBe(signature);
    expect(sign({ ...upload.headers, 'content-type': 'image/png' })).not.toBe(signature);
    const other = createHash('sha256').update('another file').digest('base64');
    expect(sign({ ...upload.headers, 'x-amz-checksum-sha256': other })).not.toBe(signature);
  });
});

describe('presignDownload', () => {
  it('signs a five-minute GET that shows the scan inline under its Vietnamese name', async () => {
    const name = 'Giấy chứng nhận quyền sử dụng đất (trang 1).pdf';
    const download = await presignDownload(
      { ...target, contentDisposition: inlineDisposition(name) },
      now,
      client,
    );
    const url = new URL(download.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `inline; filename="Giay chung nhan quyen su dung dat (trang 1).pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn%20quy%E1%BB%81n%20s%E1%BB%AD%20d%E1%BB%A5ng%20%C4%91%E1%BA%A5t%20%28trang%201%29.pdf`,
    );
    expect(presignedSignature('GET', download.url, {}, credentials.secretAccessKey)).toBe(
      url.searchParams.get('X-Amz-Signature'),
    );
    expect(download.expiresAt).toBe('2026-03-02T08:05:00+07:00');
  });
});
