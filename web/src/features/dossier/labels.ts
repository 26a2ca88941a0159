import type { DossierAction, DossierStatus } from '../../shared/api/types.ts';

/**
 * A table of labels in both languages, the shape `useT` takes (shared/i18n). Written without
 * `defineMessages` so the unit tests can hold these tables against the server's under Node.
 */
export interface LabelTable<K extends string> {
  readonly vi: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/**
 * The words of the dossier lifecycle. The Vietnamese texts of statuses, national statuses and
 * history steps are the ones the forms print (functions/domain/dossier/status.ts, actions.ts);
 * a unit test keeps them equal.
 */
export const statusLabels: LabelTable<DossierStatus> = {
  vi: {
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
  },
  en: {
    received: 'Received',
    refused: 'Refused at reception',
    processing: 'Processing',
    awaiting_supplement: 'Awaiting supplement',
    awaiting_payment: 'Awaiting financial obligations',
    awaiting_approval: 'Awaiting leader approval',
    approved: 'Approved',
    rejected: 'Rejected',
    result_ready: 'Result ready for return',
    returned: 'Result returned',
    withdrawn: 'Withdrawn by the citizen',
    stopped: 'Processing stopped',
  },
};

/** The national portal's statuses 1–10, keyed by their number. */
export type NationalCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';

export const nationalLabels: LabelTable<NationalCode> = {
  vi: {
    '1': 'Mới đăng ký',
    '2': 'Được tiếp nhận',
    '3': 'Không được tiếp nhận',
    '4': 'Đang xử lý',
    '5': 'Yêu cầu bổ sung giấy tờ',
    '6': 'Yêu cầu thực hiện nghĩa vụ tài chính',
    '7': 'Công dân yêu cầu rút hồ sơ',
    '8': 'Dừng xử lý',
    '9': 'Đã xử lý xong',
    '10': 'Đã trả kết quả',
  },
  en: {
    '1': 'Newly registered',
    '2': 'Received',
    '3': 'Not received',
    '4': 'Processing',
    '5': 'Supplement requested',
    '6': 'Financial obligations requested',
    '7': 'Withdrawn at the citizen’s request',
    '8': 'Processing stopped',
    '9': 'Processed',
    '10': 'Result returned',
  },
};

/** Every step a history row (form 06) can record. */
export type HistoryAction = DossierAction | 'receive' | 'refuse' | 'attach_document';

/** Steps as the process-control slip (form 06) names them. */
export const historyLabels: LabelTable<HistoryAction> = {
  vi: {
    receive: 'Tiếp nhận hồ sơ',
    refuse: 'Từ chối tiếp nhận',
    route: 'Chuyển xử lý',
    request_supplement: 'Yêu cầu bổ sung hồ sơ',
    supplement_received: 'Nhận hồ sơ bổ sung',
    request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    payment_received: 'Đã thực hiện nghĩa vụ tài chính',
    submit_for_approval: 'Trình lãnh đạo phê duyệt',
    approve: 'Phê duyệt',
    send_back: 'Trả lại để xử lý lại',
    reject: 'Từ chối giải quyết',
    mark_result_ready: 'Có kết quả',
    return_result: 'Trả kết quả',
    withdraw: 'Công dân rút hồ sơ',
    stop: 'Dừng xử lý',
    attach_document: 'Đính kèm bản quét hồ sơ',
  },
  en: {
    receive: 'Dossier received',
    refuse: 'Refused at reception',
    route: 'Routed for processing',
    request_supplement: 'Supplement requested',
    supplement_received: 'Supplement received',
    request_payment: 'Financial obligations requested',
    payment_received: 'Financial obligations fulfilled',
    submit_for_approval: 'Submitted for leader approval',
    approve: 'Approved',
    send_back: 'Sent back for rework',
    reject: 'Rejected',
    mark_result_ready: 'Result ready',
    return_result: 'Result returned',
    withdraw: 'Withdrawn by the citizen',
    stop: 'Processing stopped',
    attach_document: 'Scan attached',
  },
};

/** Actions as buttons say them: short and in the imperative. */
export const actionLabels: LabelTable<DossierAction> = {
  vi: {
    route: 'Chuyển xử lý',
    request_supplement: 'Yêu cầu bổ sung',
    supplement_received: 'Đã nhận bổ sung',
    request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    payment_received: 'Đã thực hiện nghĩa vụ tài chính',
    submit_for_approval: 'Trình phê duyệt',
    approve: 'Phê duyệt',
    send_back: 'Trả lại chuyên viên',
    reject: 'Từ chối',
    mark_result_ready: 'Có kết quả',
    return_result: 'Trả kết quả',
    withdraw: 'Rút hồ sơ',
    stop: 'Dừng xử lý',
  },
  en: {
    route: 'Route',
    request_supplement: 'Request supplement',
    supplement_received: 'Supplement received',
    request_payment: 'Request financial obligations',
    payment_received: 'Financial obligations fulfilled',
    submit_for_approval: 'Submit for approval',
    approve: 'Approve',
    send_back: 'Send back to specialist',
    reject: 'Reject',
    mark_result_ready: 'Result ready',
    return_result: 'Return result',
    withdraw: 'Withdraw dossier',
    stop: 'Stop processing',
  },
};

/** Step outcomes against the deadline (form 06). */
export const outcomeLabels: LabelTable<'early' | 'on_time' | 'late'> = {
  vi: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Trễ hạn' },
  en: { early: 'Early', on_time: 'On time', late: 'Late' },
};

/** Roles as the history names who acted. */
export const roleLabels: LabelTable<
  'clerk' | 'specialist' | 'leader' | 'ward_admin' | 'district_official' | 'city_official'
> = {
  vi: {
    clerk: 'Cán bộ tiếp nhận',
    specialist: 'Chuyên viên',
    leader: 'Lãnh đạo',
    ward_admin: 'Quản trị phường',
    district_official: 'Cán bộ quận',
    city_official: 'Cán bộ thành phố',
  },
  en: {
    clerk: 'Reception clerk',
    specialist: 'Specialist',
    leader: 'Leader',
    ward_admin: 'Ward administrator',
    district_official: 'District official',
    city_official: 'City official',
  },
};

/** What a scan is in the dossier (functions/domain/documents/document.ts, DOCUMENT_KIND_LABEL). */
export const scanKindLabels: LabelTable<'component' | 'supplement' | 'result' | 'other'> = {
  vi: {
    component: 'Thành phần hồ sơ',
    supplement: 'Hồ sơ bổ sung',
    result: 'Kết quả giải quyết',
    other: 'Tài liệu khác',
  },
  en: { component: 'Dossier document', supplement: 'Supplement', result: 'Result', other: 'Other' },
};
