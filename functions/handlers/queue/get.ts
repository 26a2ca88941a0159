import { readQueueToday } from '#adapters/queue-today';
import { httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { canReadWard } from '#domain/auth/access';
import { ForbiddenError } from '#domain/errors';
import { queuePicture } from '#domain/queue/picture';

/**
 * `GET /v1/wards/{wardId}/queue`: the ward's queue today (Asia/Ho_Chi_Minh) as ingested from its
 * agent: the agent's presence, each counter with its ticket and clerk, each field's figures, and
 * the devices as the agent last reported them.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: WardPath },
  async ({ path, principal, now }) => {
    const ward = getWard(path.wardId);
    if (!canReadWard(principal, ward.id))
      throw new ForbiddenError(`you may not read the queue of ward ${ward.id}`);
    return { status: 200, body: queuePicture(await readQueueToday(ward, now)) };
  },
);
