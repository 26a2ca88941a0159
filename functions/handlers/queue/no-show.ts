import { counterCommandHandler } from './counter-command.ts';

/** `POST /v1/wards/{wardId}/counters/{counter}/no-show` (a clerk of the ward): see counter-command.ts. */
export const handler = counterCommandHandler('no_show');
