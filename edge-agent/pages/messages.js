// What the pages say when the agent refuses something: plain Vietnamese for citizens and
// clerks, chosen by the error code the LAN API answers, else by its HTTP status.

const BY_CODE = {
  network: 'Không kết nối được với máy chủ của phường. Vui lòng thử lại.',
  unknown_field: 'Lĩnh vực này không có trong danh sách. Vui lòng chọn lại.',
  unknown_counter: 'Quầy này không có trong danh sách quầy của phường.',
  unknown_ticket: 'Không tìm thấy số thứ tự này trong ngày hôm nay.',
  not_logged_in: 'Chưa có cán bộ đăng nhập tại quầy này.',
  nobody_waiting: 'Hiện không có ai đang chờ ở các lĩnh vực của quầy.',
  not_serving: 'Quầy chưa gọi số nào nên chưa thực hiện được thao tác này.',
  same_field: 'Hồ sơ đang thuộc lĩnh vực này. Vui lòng chọn lĩnh vực khác.',
  rejoin_closed:
    'Số này không thể xếp lại hàng lúc này (chưa bị gọi vắng hoặc đã quá thời gian cho phép). Vui lòng lấy số mới.',
  rating_closed: 'Hiện chưa có lượt phục vụ nào để đánh giá tại quầy này.',
  already_rated: 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn quý khách!',
  unauthenticated: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  invalid_session: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  wrong_counter: 'Phiên đăng nhập này thuộc quầy khác. Vui lòng đăng nhập lại tại quầy này.',
  staff_cannot_rate: 'Cán bộ không được tự gửi đánh giá.',
  too_many_attempts: 'Nhập sai quá nhiều lần. Vui lòng chờ vài phút rồi thử lại.',
  invalid_request: 'Thông tin gửi lên chưa hợp lệ. Vui lòng kiểm tra lại.',
};

const BY_STATUS = {
  401: 'Mã cán bộ hoặc mã PIN không đúng.',
  403: 'Không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy thông tin yêu cầu.',
  409: 'Chưa thực hiện được thao tác này lúc này.',
  429: 'Thao tác quá nhiều lần. Vui lòng chờ một lát rồi thử lại.',
  503: 'Hệ thống đang tạm bận. Vui lòng thử lại sau giây lát.',
};

const FALLBACK = 'Đã có lỗi xảy ra. Vui lòng thử lại hoặc báo cán bộ hỗ trợ.';

/** The sentence to show for a failed call to the agent (an ApiError, or anything thrown). */
export function messageFor(error) {
  const code = error?.code;
  if (code && Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  const status = error?.status;
  if (status && Object.hasOwn(BY_STATUS, status)) return BY_STATUS[status];
  return FALLBACK;
}

/** Priority groups as the kiosk offers them (Luật Người cao tuổi, Luật Người khuyết tật…). */
export const PRIORITY_LABELS = {
  elderly: 'Người cao tuổi',
  disabled: 'Người khuyết tật',
  pregnant: 'Phụ nữ mang thai',
  young_children: 'Người có con nhỏ',
};

/** Rating pad buttons, best first; the score is what the agent records. */
export const SCORES = [
  { score: 4, label: 'Rất hài lòng' },
  { score: 3, label: 'Hài lòng' },
  { score: 2, label: 'Bình thường' },
  { score: 1, label: 'Không hài lòng' },
];

/** "08:15" from the agent's local ISO time: the ward's clock, whatever zone the browser is set to. */
export function timeOf(iso) {
  const match = /T(\d{2}:\d{2})/.exec(iso ?? '');
  return match ? match[1] : '';
}

/** Normalises what a citizen typed ("b12", "B 012") to the engine's form ("B012"), or '' if it cannot be one. */
export function normaliseTicketNumber(text) {
  const match = /^([A-Za-z])\s*0*(\d{1,5})$/.exec((text ?? '').trim());
  return match ? `${match[1].toUpperCase()}${match[2].padStart(3, '0')}` : '';
}
