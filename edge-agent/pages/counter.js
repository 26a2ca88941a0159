// Counter console (/counter/{n}): the clerk logs in with their code and PIN, then calls,
// recalls, completes, marks absent or transfers tickets. Everything goes to the agent on the
// LAN, so it keeps working when the city's servers cannot be reached.
import { api, byId, connectLive, counterFromPath, element, showOnly } from './common.js';
import { messageFor } from './messages.js';

const counter = counterFromPath();
const storageKey = `motcua.counter.${counter}`;
const buttons = {
  call_next: byId('call-next'),
  recall: byId('recall'),
  complete: byId('complete'),
  no_show: byId('no-show'),
};
const PATHS = { call_next: 'call-next', recall: 'recall', complete: 'complete', no_show: 'no-show' };
const DONE = {
  call_next: (serving) => `Đã gọi số ${serving}.`,
  recall: (serving) =>
    serving ? `Đã gọi lại số ${serving}.` : 'Đã chuyển sang vắng mặt sau nhiều lần gọi lại.',
  complete: () => 'Đã hoàn thành hồ sơ.',
  no_show: () => 'Đã ghi nhận công dân vắng mặt.',
};
const transferSelect = byId('transfer-field');
let session = load();
let snapshot;
let busy = false;
let optionsKey = '';

/** The session survives a page reload but not closing the tab (sessionStorage). */
function load() {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
  } catch {
    return null;
  }
}

function save(value) {
  session = value;
  if (value) sessionStorage.setItem(storageKey, JSON.stringify(value));
  else sessionStorage.removeItem(storageKey);
}

function render() {
  if (!session) {
    showOnly(byId('login'), byId('console'));
    return;
  }
  showOnly(byId('console'), byId('login'));
  byId('clerk-name').textContent = session.clerk;
  if (!snapshot) return;
  const view = snapshot.counters.find((c) => c.counter === counter);
  const serving = view?.serving;
  byId('serving').textContent = serving ?? '—';
  // Not disabled while busy: a focused button that gets disabled drops keyboard focus.
  for (const [action, button] of Object.entries(buttons))
    button.disabled = action !== 'call_next' && !serving;
  byId('transfer').disabled = !serving;
  transferSelect.disabled = !serving;
  const mine = snapshot.fields.filter((f) => view?.fields.includes(f.field));
  byId('waiting').replaceChildren(
    ...mine.map((f) => {
      const row = element('tr');
      row.append(element('td', { text: f.name }), element('td', { text: String(f.waiting) }));
      return row;
    }),
  );
  renderTransferOptions();
}

/** Rebuilt only when the fields change: replacing options would close a select the clerk has open. */
function renderTransferOptions() {
  const key = snapshot.fields.map((f) => `${f.field}|${f.name}`).join('/');
  if (key === optionsKey) return;
  optionsKey = key;
  const chosen = transferSelect.value;
  const options = snapshot.fields.map((f) => element('option', { text: f.name, attrs: { value: f.field } }));
  transferSelect.replaceChildren(
    element('option', { text: '— Chọn lĩnh vực —', attrs: { value: '' } }),
    ...options,
  );
  transferSelect.value = chosen;
}

function renderCloud(cloud) {
  const label = byId('cloud');
  label.textContent = cloud.online
    ? 'Đã kết nối máy chủ thành phố'
    : 'Mất kết nối máy chủ thành phố — quầy vẫn hoạt động bình thường';
  label.classList.toggle('cloud-offline', !cloud.online);
}

function say(result, error) {
  byId('result').textContent = result ?? '';
  const box = byId('error');
  box.textContent = error ?? '';
  box.hidden = !error;
}

async function act(action, body) {
  if (busy || !session) return;
  busy = true;
  try {
    const path = action === 'transfer' ? 'transfer' : PATHS[action];
    const answer = await api(`/api/counters/${counter}/${path}`, {
      method: 'POST',
      body,
      token: session.token,
    });
    say(action === 'transfer' ? 'Đã chuyển hồ sơ sang lĩnh vực khác.' : DONE[action](answer?.serving));
  } catch (error) {
    if (error.status === 401) {
      save(null);
      byId('login-error').textContent = messageFor(error);
      byId('login-error').hidden = false;
    }
    say(undefined, messageFor(error));
  } finally {
    busy = false;
    render();
    // After "Hoàn thành" its button is disabled (nothing served): keep the keyboard on "Gọi tiếp";
    // after an expired session, on the login form.
    if (!session) byId('clerk').focus();
    else if (document.activeElement === document.body || document.activeElement?.disabled) {
      buttons.call_next.focus();
    }
  }
}

async function login(event) {
  event.preventDefault();
  const clerk = byId('clerk').value.trim();
  const pin = byId('pin').value;
  const error = byId('login-error');
  error.hidden = true;
  try {
    const answer = await api(`/api/counters/${counter}/login`, { method: 'POST', body: { clerk, pin } });
    save({ token: answer.token, clerk: answer.clerk ?? clerk });
    byId('pin').value = '';
    say();
    render();
    buttons.call_next.focus();
  } catch (failure) {
    // At login a 401 means a wrong code or PIN, not an expired session.
    error.textContent = failure.status === 401 ? 'Mã cán bộ hoặc mã PIN không đúng.' : messageFor(failure);
    error.hidden = false;
    byId('pin').select();
  }
}

async function logout() {
  const token = session?.token;
  save(null);
  render();
  byId('clerk').focus();
  if (token) await api(`/api/counters/${counter}/logout`, { method: 'POST', token }).catch(() => {});
}

/** F1–F4 work anywhere on the console; letters only outside text fields, where they are typing. */
const KEYS = { F1: 'call_next', F2: 'recall', F3: 'complete', F4: 'no_show' };
const LETTERS = { n: 'call_next', r: 'recall', c: 'complete', v: 'no_show' };
function onKey(event) {
  if (!session || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
  const typing = event.target.closest?.('input, select, textarea');
  const letter = event.key.toLowerCase();
  const action = KEYS[event.key] ?? (typing ? undefined : LETTERS[letter]);
  if (action) {
    event.preventDefault(); // F1 would open the browser's help
    if (!buttons[action].disabled) act(action);
  } else if (!typing && letter === 't') {
    event.preventDefault();
    transferSelect.focus();
  }
}

byId('counter-number').textContent = String(counter);
document.title = `Quầy ${counter} — ${document.title.replace('Quầy giao dịch — ', '')}`;
byId('login-form').addEventListener('submit', login);
byId('logout').addEventListener('click', logout);
for (const [action, button] of Object.entries(buttons)) button.addEventListener('click', () => act(action));
byId('transfer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (transferSelect.value) act('transfer', { field: transferSelect.value });
});
document.addEventListener('keydown', onKey);
connectLive({
  onSnapshot: follow,
  onUpdate: (update) => follow(update.snapshot),
  onConnection: (connected) => {
    byId('lan-lost').hidden = connected;
  },
});
render();
(session ? buttons.call_next : byId('clerk')).focus();

function follow(next) {
  snapshot = next;
  renderCloud(next.cloud);
  render();
}
