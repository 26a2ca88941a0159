import { readQueueToday } from '#adapters/queue-today';
import { httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { publicQueueBoard } from '#domain/queue/public-board';

/**
 * `GET /v1/public/wards/{wardId}/queue` (no login): the ward's queue board, the numbers being
 * served and how many wait per field, for citizens' phones and waiting-room screens. No clerk,
 * device or outbox detail: see functions/domain/queue/public-board.ts.
 */
export const handler = httpHandler({ access: 'public', path: WardPath }, async ({ path, now }) => {
  const ward = getWard(path.wardId);
  return { status: 200, body: publicQueueBoard(ward, await readQueueToday(ward, now)) };
});
