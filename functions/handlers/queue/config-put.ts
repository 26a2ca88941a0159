import { replaceWardConfig } from '#adapters/queue-config-update';
import { httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { rolesInWard } from '#domain/auth/access';
import { ForbiddenError } from '#domain/errors';
import { WardConfig } from '../../../edge-agent/src/ward-config.ts';

/**
 * `PUT /v1/wards/{wardId}/queue/config` (the ward's admin): stores a new queue config (its
 * version greater than the current one, else 409) and publishes it retained to the ward's
 * agent. Sending the stored config again publishes it again.
 */
export const handler = httpHandler(
  { access: ['ward_admin'], path: WardPath, body: WardConfig },
  async ({ path, body, principal, now }) => {
    const ward = getWard(path.wardId);
    if (!rolesInWard(principal, ward.id).includes('ward_admin')) {
      throw new ForbiddenError(`only an admin of ward ${ward.id} may change its queue config`);
    }
    await replaceWardConfig(ward, body, principal.userId, now);
    return { status: 200, body };
  },
);
