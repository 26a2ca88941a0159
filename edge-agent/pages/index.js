// Index (/): links to the kiosk, the hall display, and each counter's console and rating pad.
import { api, byId, element } from './common.js';

const list = byId('counters');
try {
  const snapshot = await api('/api/state');
  list.replaceChildren(
    ...snapshot.counters.map((c) => {
      const item = element('li');
      item.append(
        element('a', {
          text: `Quầy ${c.counter} — màn hình cán bộ`,
          attrs: { href: `/counter/${c.counter}` },
        }),
        ' · ',
        element('a', { text: 'bảng đánh giá', attrs: { href: `/rating/${c.counter}` } }),
      );
      return item;
    }),
  );
} catch {
  list.replaceChildren(
    element('li', { className: 'error', text: 'Không tải được danh sách quầy. Vui lòng tải lại trang.' }),
  );
}
