import { currentWardConfig } from '#adapters/queue-config';
import { httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { rolesInWard } from '#domain/auth/access';
import { ForbiddenError } from '#domain/errors';
import { configForReader } from '#domain/queue/config-rules';

/**
 * `GET /v1/wards/{wardId}/queue/config` (staff of the ward): the queue config the ward runs on,
 * the stored one or else the seed layout. PIN hashes only for the ward's admins.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: WardPath },
  async ({ path, principal }) => {
    const ward = getWard(path.wardId);
    const roles = rolesInWard(principal, ward.id);
    if (roles.length === 0)
      throw new ForbiddenError(`only the staff of ward ${ward.id} may read its queue config`);
    return { status: 200, body: configForReader(await currentWardConfig(ward), roles) };
  },
);
