import { defineMessages } from '../i18n/i18n.tsx';

/** Words every feature uses. */
export const common = defineMessages({
  vi: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    save: 'Lưu',
    cancel: 'Hủy',
    close: 'Đóng',
    search: 'Tìm kiếm',
    empty: 'Chưa có dữ liệu.',
    networkError: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    unauthenticated: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    notFound: 'Không tìm thấy.',
    conflict: 'Dữ liệu vừa được người khác thay đổi. Tải lại rồi thử lại.',
    invalid: 'Thông tin chưa hợp lệ: {message}',
    tooLarge: 'Tệp hoặc dữ liệu quá lớn.',
    serverError: 'Máy chủ gặp lỗi. Vui lòng thử lại sau ít phút.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Retry',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    search: 'Search',
    empty: 'Nothing here yet.',
    networkError: 'Cannot reach the server. Check the network and try again.',
    unauthenticated: 'Your session has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'Not found.',
    conflict: 'Someone else just changed this. Reload and try again.',
    invalid: 'Please check the input: {message}',
    tooLarge: 'The file or data is too large.',
    serverError: 'The server had a problem. Please try again in a few minutes.',
  },
});
