import { httpHandler } from '#api/http';

/** `GET /v1/health`: liveness, no dependencies touched. */
export const handler = httpHandler({ access: 'public' }, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', service: 'motcua', time: now.toISOString() },
}));
