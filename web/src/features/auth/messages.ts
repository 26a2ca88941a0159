import { defineMessages } from '../../shared/i18n/i18n.tsx';

export const loginMessages = defineMessages({
  vi: {
    title: 'Đăng nhập',
    intro: 'Dành cho cán bộ, công chức bộ phận một cửa.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    required: 'Vui lòng nhập {field}.',
    wrong: 'Sai tên đăng nhập hoặc mật khẩu.',
    challenge: 'Tài khoản cần đổi mật khẩu lần đầu. Liên hệ quản trị viên của phường.',
  },
  en: {
    title: 'Sign in',
    intro: 'For one-stop staff.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Please enter the {field}.',
    wrong: 'Wrong username or password.',
    challenge: 'This account must change its first password. Ask the ward administrator.',
  },
});
