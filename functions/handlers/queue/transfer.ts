import * as z from 'zod';
import { httpHandler } from '#api/http';
import { assertTransferTarget } from '#domain/queue/commands';
import { CounterPath, sendCounterCommand } from './counter-command.ts';

const Body = z.strictObject({
  /** The queue field (`ho-tich`…) the ticket at the counter goes to, keeping its place by arrival. */
  field: z.string().min(1).max(64),
});

/**
 * `POST /v1/wards/{wardId}/counters/{counter}/transfer` `{ "field": "<fieldId>" }` (a clerk of
 * the ward): sends the ticket being served at the counter to another field's queue, like the
 * counter console's transfer; see counter-command.ts for the rest.
 */
export const handler = httpHandler(
  { access: ['clerk'], path: CounterPath, body: Body },
  ({ path, body, principal, now }) =>
    sendCounterCommand({ ...path, principal, now }, (config) => {
      assertTransferTarget(config, body.field, path.wardId);
      return { type: 'transfer', field: body.field };
    }),
);
