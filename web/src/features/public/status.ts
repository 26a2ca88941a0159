import type { DossierStatus } from '../../shared/api/types.ts';
import type { Lang } from './lang.ts';

interface StatusText {
  readonly label: string;
  /** What the status means for the citizen and what, if anything, they should do. */
  readonly meaning: string;
}

/** Each internal status in the citizen's words (functions/ACTIONS.md describes the states). */
const STATUS_TEXT: Readonly<Record<DossierStatus, Readonly<Record<Lang, StatusText>>>> = {
  received: {
    vi: {
      label: 'Đã tiếp nhận',
      meaning:
        'Hồ sơ đã được tiếp nhận và đang chờ chuyển đến cán bộ chuyên môn giải quyết. Bạn chưa cần làm gì thêm.',
    },
    en: {
      label: 'Received',
      meaning:
        'Your dossier has been received and is waiting to be passed to the officer who will handle it. Nothing is needed from you.',
    },
  },
  refused: {
    vi: {
      label: 'Từ chối tiếp nhận',
      meaning:
        'Hồ sơ không được tiếp nhận. Lý do ghi trong phiếu từ chối đã giao cho bạn; hãy liên hệ bộ phận một cửa nếu cần hướng dẫn.',
    },
    en: {
      label: 'Not accepted',
      meaning:
        'The dossier was not accepted. The refusal slip you were given states why; ask the one-stop desk if you need help.',
    },
  },
  processing: {
    vi: {
      label: 'Đang xử lý',
      meaning: 'Cán bộ chuyên môn đang giải quyết hồ sơ. Bạn chưa cần làm gì thêm; kết quả có theo ngày hẹn.',
    },
    en: {
      label: 'Being processed',
      meaning:
        'An officer is working on your dossier. Nothing is needed from you; the result is due on the date shown.',
    },
  },
  awaiting_supplement: {
    vi: {
      label: 'Chờ bổ sung hồ sơ',
      meaning:
        'Hồ sơ cần bổ sung giấy tờ. Vui lòng xem phiếu yêu cầu bổ sung và mang giấy tờ đến bộ phận một cửa; thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung.',
    },
    en: {
      label: 'Waiting for more documents',
      meaning:
        'More documents are needed. See the request slip and bring them to the one-stop desk; the deadline is paused until you do.',
    },
  },
  awaiting_payment: {
    vi: {
      label: 'Chờ thực hiện nghĩa vụ tài chính',
      meaning:
        'Bạn cần nộp phí, lệ phí hoặc thuế trước khi hồ sơ được giải quyết tiếp; thời hạn giải quyết tạm dừng trong thời gian này.',
    },
    en: {
      label: 'Waiting for payment',
      meaning:
        'A fee, charge or tax must be paid before work continues; the deadline is paused until it is paid.',
    },
  },
  awaiting_approval: {
    vi: {
      label: 'Chờ lãnh đạo phê duyệt',
      meaning:
        'Hồ sơ đã được xử lý và đang chờ lãnh đạo phường, xã xem xét, ký duyệt. Bạn chưa cần làm gì thêm.',
    },
    en: {
      label: 'Waiting for approval',
      meaning:
        'The dossier has been handled and waits for the ward leader to sign. Nothing is needed from you.',
    },
  },
  approved: {
    vi: {
      label: 'Đã phê duyệt',
      meaning: 'Lãnh đạo đã ký duyệt; kết quả đang được hoàn thiện để trả cho bạn.',
    },
    en: {
      label: 'Approved',
      meaning: 'The leader has signed; the result is being prepared for you.',
    },
  },
  rejected: {
    vi: {
      label: 'Từ chối giải quyết',
      meaning:
        'Yêu cầu không được giải quyết. Văn bản trả lời nêu rõ lý do; vui lòng nhận văn bản này tại bộ phận một cửa.',
    },
    en: {
      label: 'Refused',
      meaning: 'The request was refused. A letter explains why; please collect it at the one-stop desk.',
    },
  },
  result_ready: {
    vi: {
      label: 'Có kết quả, chờ trả',
      meaning:
        'Đã có kết quả. Vui lòng mang giấy tiếp nhận hồ sơ và hẹn trả kết quả đến bộ phận một cửa để nhận.',
    },
    en: {
      label: 'Result ready',
      meaning: 'The result is ready. Bring your receipt to the one-stop desk to collect it.',
    },
  },
  returned: {
    vi: { label: 'Đã trả kết quả', meaning: 'Kết quả đã được trả cho bạn. Hồ sơ đã hoàn tất.' },
    en: { label: 'Result collected', meaning: 'The result has been handed to you. The dossier is complete.' },
  },
  withdrawn: {
    vi: {
      label: 'Công dân rút hồ sơ',
      meaning: 'Hồ sơ đã được rút theo yêu cầu của bạn và không được giải quyết tiếp.',
    },
    en: {
      label: 'Withdrawn',
      meaning: 'The dossier was withdrawn at your request and will not be processed.',
    },
  },
  stopped: {
    vi: {
      label: 'Dừng xử lý',
      meaning:
        'Việc giải quyết hồ sơ đã dừng. Vui lòng xem thông báo dừng xử lý hoặc liên hệ bộ phận một cửa.',
    },
    en: {
      label: 'Stopped',
      meaning: 'Processing has stopped. See the notice you received or ask the one-stop desk.',
    },
  },
};

/** The national status names (1–10) in English; the API gives the Vietnamese ones. */
const NATIONAL_STATUS_EN: Readonly<Record<number, string>> = {
  1: 'Registered',
  2: 'Received',
  3: 'Not accepted',
  4: 'Being processed',
  5: 'More documents requested',
  6: 'Payment requested',
  7: 'Withdrawn by the citizen',
  8: 'Processing stopped',
  9: 'Processed',
  10: 'Result returned',
};

export function statusText(status: DossierStatus, lang: Lang): StatusText {
  return STATUS_TEXT[status][lang];
}

/** The national status's name in the chosen language; `vietnamese` is the API's own name. */
export function nationalStatusText(code: number, vietnamese: string, lang: Lang): string {
  return lang === 'en' ? (NATIONAL_STATUS_EN[code] ?? vietnamese) : vietnamese;
}

/** The badge colour of a status: done, waiting on the citizen, ended without a grant, or in progress. */
export function statusTone(status: DossierStatus): 'ok' | 'warn' | 'bad' | 'info' {
  if (status === 'result_ready' || status === 'returned' || status === 'approved') return 'ok';
  if (status === 'awaiting_supplement' || status === 'awaiting_payment') return 'warn';
  if (status === 'refused' || status === 'rejected' || status === 'stopped' || status === 'withdrawn')
    return 'bad';
  return 'info';
}
