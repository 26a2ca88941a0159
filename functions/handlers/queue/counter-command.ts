import { ulid } from 'ulid';
import * as z from 'zod';
import { publishCommand } from '#adapters/queue-commands';
import { currentWardConfig } from '#adapters/queue-config';
import { type ApiHandler, type HttpResult, httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { rolesInWard } from '#domain/auth/access';
import type { Principal } from '#domain/auth/principal';
import { ForbiddenError } from '#domain/errors';
import {
  assertCounterOf,
  type CounterAsk,
  type CounterCommandType,
  counterCommand,
} from '#domain/queue/commands';
import type { WardConfig } from '../../../edge-agent/src/ward-config.ts';

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
  return httpHandler({ access: ['clerk'], path: CounterPath }, ({ path, principal, now }) =>
    sendCounterCommand({ ...path, principal, now }, () => ({ type })),
  );
}

export interface CounterRequest {
  readonly wardId: string;
  readonly counter: number;
  readonly principal: Principal;
  readonly now: Date;
}

/**
 * Checks that the caller clerks in the ward and that the ward has the counter, builds the
 * command from what `ask` makes of the ward's config (it may refuse by throwing), publishes it,
 * and answers 202 with its id and expiry.
 */
export async function sendCounterCommand(
  request: CounterRequest,
  ask: (config: WardConfig) => CounterAsk,
): Promise<HttpResult> {
  const ward = getWard(request.wardId);
  if (!rolesInWard(request.principal, ward.id).includes('clerk')) {
    throw new ForbiddenError(`only a clerk of ward ${ward.id} may work its counters`);
  }
  const config = await currentWardConfig(ward);
  assertCounterOf(config, request.counter, ward.id);
  const command = counterCommand(ask(config), request.counter, ulid(), request.now);
  await publishCommand(ward, command);
  return { status: 202, body: { commandId: command.id, expiresAt: command.expiresAt } };
}
