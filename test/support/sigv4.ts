import { createHash, createHmac } from 'node:crypto';

/**
 * An independent SigV4 check of presigned S3 URLs (AWS's "Authenticating Requests: Using Query
 * Parameters"), written from the specification rather than the SDK, so a test can prove which
 * header values a URL is bound to: s3rver does not check signatures.
 */
export function presignedSignature(
  method: string,
  url: string,
  headers: Record<string, string>,
  secretAccessKey: string,
): string {
  const u = new URL(url);
  const params = [...u.searchParams.entries()].filter(([k]) => k !== 'X-Amz-Signature');
  const signed = (u.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
  const all: Record<string, string> = { host: u.host };
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value.trim();
  const canonicalQuery = params
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    method,
    u.pathname
      .split('/')
      .map((s) => encode(decodeURIComponent(s)))
      .join('/'),
    canonicalQuery,
    signed.map((h) => `${h}:${all[h] ?? ''}\n`).join(''),
    signed.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const date = u.searchParams.get('X-Amz-Date') ?? '';
  const [, day = '', region = '', service = ''] = (u.searchParams.get('X-Amz-Credential') ?? '').split('/');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonicalRequest)].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
