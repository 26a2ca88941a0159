import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiUrl, NetworkError, setBearer } from '../../../../web/src/shared/api/client.ts';
import { loadConfig } from '../../../../web/src/shared/config.ts';

function respond(routes: Record<string, unknown>) {
  return vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    if (!(url in routes)) return new Response('', { status: 404 });
    return Response.json(routes[url]);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setBearer(undefined);
});

describe('which API answers', () => {
  it('uses this origin with the local runtime’s configuration', async () => {
    vi.stubGlobal(
      'fetch',
      respond({ '/config.json': { auth: { kind: 'local' }, apiBase: '', districtApis: {} } }),
    );
    await loadConfig();
    expect(apiUrl('/v1/procedures', { query: { q: 'khai sinh', empty: '' } })).toBe(
      '/v1/procedures?q=khai+sinh',
    );
  });

  it('sends a ward’s calls to its district’s own API, read from that district’s file', async () => {
    vi.stubGlobal(
      'fetch',
      respond({
        '/config.json': {
          auth: { kind: 'cognito', region: 'ap-southeast-1', clientId: 'abc' },
          districtIds: ['hai-chau', 'cam-le'],
        },
        '/config/districts/hai-chau.json': { apiUrl: 'https://hc.example/prod/' },
        // cam-le is not deployed yet: no file.
      }),
    );
    const config = await loadConfig();
    expect(config.auth).toEqual({ kind: 'cognito', region: 'ap-southeast-1', clientId: 'abc' });
    expect(apiUrl('/v1/wards/hai-chau-i/queue', { district: 'hai-chau' })).toBe(
      'https://hc.example/prod/v1/wards/hai-chau-i/queue',
    );
    // Catalogue calls go to any district's API when there is no shared one.
    expect(apiUrl('/v1/units')).toBe('https://hc.example/prod/v1/units');
  });
});

describe('calling the API', () => {
  it('carries the bearer token and turns an error answer into its status, code and fields', async () => {
    vi.stubGlobal('fetch', respond({ '/config.json': { auth: { kind: 'local' }, apiBase: '' } }));
    await loadConfig();
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      Response.json(
        {
          error: {
            code: 'invalid_request',
            message: 'bad',
            fields: [{ field: 'applicant.fullName', reason: 'is required' }],
          },
        },
        { status: 400 },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const signedOut = vi.fn();
    setBearer('t0ken', signedOut);
    const error = await api('/v1/wards/x/dossiers', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).reasonFor('applicant')).toBe('is required');
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string> | undefined)?.authorization).toBe(
      'Bearer t0ken',
    );
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('signs the user out on a 401 and reports a dead network as such', async () => {
    const signedOut = vi.fn();
    setBearer('expired', signedOut);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: { code: 'unauthenticated', message: 'x' } }, { status: 401 })),
    );
    await expect(api('/v1/dossiers/x')).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledOnce();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    await expect(api('/v1/dossiers/x')).rejects.toBeInstanceOf(NetworkError);
  });
});
