/** Why a queue command was refused; the LAN server maps each code to an HTTP status. */
export type QueueErrorCode =
  | 'unknown_field'
  | 'unknown_counter'
  | 'unknown_ticket'
  | 'not_logged_in'
  | 'nobody_waiting'
  | 'not_serving'
  | 'same_field'
  | 'rejoin_closed'
  | 'rating_closed'
  | 'already_rated';

export class QueueError extends Error {
  override readonly name = 'QueueError';
  constructor(
    readonly code: QueueErrorCode,
    message: string,
  ) {
    super(message);
  }
}
