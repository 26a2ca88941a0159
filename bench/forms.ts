import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, scansBucketFor } from '#adapters/s3';
import { login } from './intake.ts';
import { type Figure, percentile, ratio } from './results-file.ts';

const RENDERS = 60;
const UPLOADS = 5;
const SCAN_BYTES = 20 * 1024 * 1024;

const intake = {
  procedureId: '2.000884',
  channel: 'in_person',
  applicant: { fullName: 'Nguyễn Thị Thu Hà', phone: '0905123456', address: 'Tổ 12, Phường Hải Châu I' },
  documents: [
    { name: 'Giấy tờ, văn bản cần chứng thực chữ ký', form: 'original', quantity: 1 },
    { name: 'Căn cước công dân', form: 'copy', quantity: 1 },
  ],
};

const ms = (value: number) => Math.round(value * 10) / 10;

/** Latencies (ms) of `n` requests one after another, sorted; the body is read in full. */
async function timed(n: number, send: () => Promise<Response>): Promise<{ sorted: number[]; bytes: number }> {
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await send();
    const body = await res.arrayBuffer();
    latencies.push(performance.now() - start);
    if (!res.ok) throw new Error(`request failed with ${res.status}`);
    bytes = body.byteLength;
  }
  return { sorted: latencies.sort((a, b) => a - b), bytes };
}

/**
 * Form 01 rendering through the local API against reading the same dossier as JSON (the
 * difference is the rendering), and completing a 20 MB scan (read, hash, sniff, one transaction)
 * against a plain GetObject of the same object.
 */
export async function formsFigures(url: string): Promise<Record<string, Figure>> {
  const token = await login(url, 'clerk.hai-chau-i');
  const auth = { authorization: `Bearer ${token}` };
  const created = await fetch(`${url}/v1/wards/hai-chau-i/dossiers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(intake),
  });
  const dossier = (await created.json()) as { code: string; receiptUrl: string };
  const receipt = () => fetch(`${url}${dossier.receiptUrl}`, { headers: auth });
  const page = () => fetch(`${url}/v1/dossiers/${dossier.code}`, { headers: auth });
  await timed(5, receipt); // warm-up: fonts parsed, handlers loaded
  await timed(5, page);
  const render = await timed(RENDERS, receipt);
  const read = await timed(RENDERS, page);

  const complete: number[] = [];
  const getObject: number[] = [];
  for (let i = 0; i < UPLOADS; i++) {
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      randomBytes(SCAN_BYTES - 15),
      Buffer.from('\n%%EOF'),
    ]);
    const declared = await fetch(`${url}/v1/dossiers/${dossier.code}/documents`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Bản quét ${i + 1}.pdf`,
        kind: 'component',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      }),
    });
    const upload = (await declared.json()) as {
      documentId: string;
      uploadUrl: string;
      headers: Record<string, string>;
    };
    const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: bytes });
    if (!put.ok) throw new Error(`upload failed with ${put.status}`);
    const start = performance.now();
    const done = await fetch(`${url}/v1/dossiers/${dossier.code}/documents/${upload.documentId}/complete`, {
      method: 'POST',
      headers: auth,
    });
    await done.arrayBuffer();
    complete.push(performance.now() - start);
    if (!done.ok) throw new Error(`complete failed with ${done.status}`);
    const key = `hai-chau-i/${dossier.code}/${upload.documentId}`;
    const getStart = performance.now();
    const object = await s3Client().send(
      new GetObjectCommand({ Bucket: scansBucketFor('hai-chau'), Key: key }),
    );
    for await (const _ of object.Body as Readable) {
      // Read and drop: the baseline is the transfer alone.
    }
    getObject.push(performance.now() - getStart);
  }
  complete.sort((a, b) => a - b);
  getObject.sort((a, b) => a - b);

  const versus = (value: number, name: string, baseline: number): Figure => ({
    value: ms(value),
    unit: 'ms',
    comparedWith: { name, value: ms(baseline), ratio: ratio(value, baseline) },
  });
  return {
    'forms.receipt_01.p50': versus(
      percentile(render.sorted, 50),
      'api.dossier_get.p50',
      percentile(read.sorted, 50),
    ),
    'forms.receipt_01.p95': versus(
      percentile(render.sorted, 95),
      'api.dossier_get.p95',
      percentile(read.sorted, 95),
    ),
    'forms.receipt_01.size': {
      value: Math.round(render.bytes / 102.4) / 10,
      unit: 'KB',
      note: 'two A4 pages (applicant and counter copies), DejaVu Sans regular + bold subsets embedded, QR and barcode as vectors',
    },
    'api.dossier_get.p50': {
      value: ms(percentile(read.sorted, 50)),
      unit: 'ms',
      note: `GET /v1/dossiers/{code} of the same dossier, ${RENDERS} requests one after another`,
    },
    'scans.complete_20mb.p50': versus(
      percentile(complete, 50),
      's3.get_object_20mb.p50',
      percentile(getObject, 50),
    ),
    's3.get_object_20mb.p50': {
      value: ms(percentile(getObject, 50)),
      unit: 'ms',
      note: `plain GetObject of the same 20 MB object from s3rver, body read in full; ${UPLOADS} runs`,
    },
  };
}
