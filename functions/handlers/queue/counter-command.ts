import { ulid } from 'ulid';
import * as z from 'zod';
import { publishCommand } from '#adapters/queue-commands';
import { currentWardConfig } from '#adapters/queue-config';
import { type ApiHandler, httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { rolesInWard } from '#domain/auth/access';
import { ForbiddenError } from '#domain/errors';
import { assertCounterOf, type CounterCommandType, counterCommand } from '#domain/queue/commands';

/** Path `{wardId}/counters/{counter}`: a counter number 1–99, as the agent's config allows. */
export const CounterPath = WardPath.extend({
  counter: z
    .string()
    .regex(/^\d{1,2}$/, 'must be a counter number from 1 to 99')
    .transform(Number)
    .refine((n) => n >= 1, 'must be a counter number from 1 to 99'),
});

/**
 * `POST /v1/wards/{wardId}/counters/{counter}/<action>` (a clerk of the ward): asks the ward's
 * agent to act at a counter, as the counter console would, through a command with a short
 * expiry. 202: IoT Core took it; the agent carries it out when it gets it in time.
 */
export function counterCommandHandler(type: CounterCommandType): ApiHandler {
  return httpHandler({ access: ['clerk'], path: CounterPath }, async ({ path, principal, now }) => {
    const ward = getWard(path.wardId);
    if (!rolesInWard(principal, ward.id).includes('clerk')) {
      throw new ForbiddenError(`only a clerk of ward ${ward.id} may work its counters`);
    }
    assertCounterOf(await currentWardConfig(ward), path.counter, ward.id);
    const command = counterCommand(type, path.counter, ulid(), now);
    await publishCommand(ward, command);
    return { status: 202, body: { commandId: command.id, expiresAt: command.expiresAt } };
  });
}
