import * as z from 'zod';

/**
 * Internal dossier states. Finer than the national statuses (one-stop-rules §2): each maps to
 * exactly one national code, and the API exposes both.
 */
export const DossierStatus = z.enum([
  'received',
  'refused',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'awaiting_approval',
  'approved',
  'rejected',
  'result_ready',
  'returned',
  'withdrawn',
  'stopped',
]);
export type DossierStatus = z.infer<typeof DossierStatus>;

/** National status codes 1–10 of the national portal. */
export const NATIONAL_STATUS = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;
export type NationalStatusCode = keyof typeof NATIONAL_STATUS;

export const nationalStatusOf = {
  received: 2,
  refused: 3,
  processing: 4,
  awaiting_supplement: 5,
  awaiting_payment: 6,
  awaiting_approval: 4,
  approved: 4,
  // A leader's refusal to grant is a finished dossier whose result is the refusal letter.
  rejected: 9,
  result_ready: 9,
  returned: 10,
  withdrawn: 7,
  stopped: 8,
} as const satisfies Record<DossierStatus, NationalStatusCode>;

/** Vietnamese labels of the internal states, for lists and timelines. */
export const STATUS_LABEL = {
  received: 'Đã tiếp nhận',
  refused: 'Từ chối tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung hồ sơ',
  awaiting_payment: 'Chờ thực hiện nghĩa vụ tài chính',
  awaiting_approval: 'Chờ lãnh đạo phê duyệt',
  approved: 'Đã phê duyệt',
  rejected: 'Từ chối giải quyết',
  result_ready: 'Có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
} as const satisfies Record<DossierStatus, string>;

/** States in which the deadline clock is stopped (one-stop-rules §1). */
export const PAUSED_STATUSES: readonly DossierStatus[] = ['awaiting_supplement', 'awaiting_payment'];

/** States that end processing: the dossier's outcome (early / on time / late) is fixed on entry. */
export const FINISHED_STATUSES: readonly DossierStatus[] = [
  'refused',
  'rejected',
  'result_ready',
  'returned',
  'stopped',
];

/** States in which nothing more happens. */
export const CLOSED_STATUSES: readonly DossierStatus[] = ['refused', 'returned', 'withdrawn', 'stopped'];

/** States with something left to do (including handing the result back): listed in inboxes. */
export const OPEN_STATUSES: readonly DossierStatus[] = DossierStatus.options.filter(
  (s) => !CLOSED_STATUSES.includes(s),
);

export const isPaused = (s: DossierStatus): boolean => PAUSED_STATUSES.includes(s);
export const isOpen = (s: DossierStatus): boolean => OPEN_STATUSES.includes(s);
export const isFinished = (s: DossierStatus): boolean => FINISHED_STATUSES.includes(s);

/** A dossier can run late only while it is open, not finished and its clock is running. */
export const canBeOverdue = (s: DossierStatus): boolean => isOpen(s) && !isFinished(s) && !isPaused(s);
