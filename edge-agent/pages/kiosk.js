// Ticket kiosk (/kiosk): pick a field (and a priority group, if any), get a number. The
// ticket is always shown on screen, because the printer may be out of paper.
import { api, byId, connectLive, element, showOnly, startClock } from './common.js';
import { messageFor, normaliseTicketNumber, timeOf } from './messages.js';

/** Back to the start screen after showing a ticket; longer when it was not printed, to take a photo. */
const RETURN_MS = 10_000;
const RETURN_UNPRINTED_MS = 20_000;
/** A citizen who walks away from the rejoin keypad leaves it for the next one. */
const IDLE_MS = 60_000;

const screens = { start: byId('start'), ticket: byId('ticket'), rejoin: byId('rejoin') };
const fieldsBox = byId('fields');
const startError = byId('start-error');
const rejoinInput = byId('rejoin-number');
let renderedKey = '';
let busy = false;
let returnTimer;
let countdownTimer;

function show(name) {
  const { [name]: visible, ...others } = screens;
  showOnly(visible, ...Object.values(others));
}

/** Rebuilds the buttons only when the fields change, so a tap in progress keeps its button. */
function renderFields(fields) {
  const key = fields.map((f) => `${f.field}|${f.name}|${f.prefix}`).join('/');
  if (key !== renderedKey) {
    renderedKey = key;
    fieldsBox.replaceChildren(
      ...fields.map((f) => {
        const button = element('button', { className: 'field-button', attrs: { type: 'button' } });
        button.dataset.field = f.field;
        button.append(
          element('span', { className: 'prefix', text: f.prefix, attrs: { 'aria-hidden': 'true' } }),
          element('span', { className: 'name', text: f.name }),
          element('span', { className: 'waiting' }),
        );
        button.addEventListener('click', () => issue(f.field));
        return button;
      }),
    );
    renderLetters(fields);
  }
  for (const f of fields) {
    const button = fieldsBox.querySelector(`[data-field="${CSS.escape(f.field)}"]`);
    if (button) button.querySelector('.waiting').textContent = `Đang chờ: ${f.waiting}`;
  }
}

function setFieldsDisabled(disabled) {
  for (const button of fieldsBox.querySelectorAll('button')) button.disabled = disabled;
}

async function issue(field) {
  if (busy) return; // one ticket per tap, however fast the second tap comes
  busy = true;
  setFieldsDisabled(true);
  startError.hidden = true;
  const priority = document.querySelector('input[name="priority"]:checked')?.value;
  try {
    const ticket = await api('/api/tickets', {
      method: 'POST',
      body: priority ? { field, priority } : { field },
    });
    showTicket(ticket);
  } catch (error) {
    startError.textContent = messageFor(error);
    startError.hidden = false;
  } finally {
    busy = false;
    setFieldsDisabled(false);
  }
}

function showTicket(ticket) {
  byId('ticket-number').textContent = ticket.number;
  byId('ticket-field').textContent = `Lĩnh vực: ${ticket.fieldName}`;
  byId('ticket-time').textContent = `Lấy số lúc ${timeOf(ticket.issuedAt)}`;
  byId('ticket-ahead').textContent = `Số người đang chờ trước bạn: ${ticket.ahead}`;
  const problem = byId('ticket-printer');
  problem.textContent = ticket.printed
    ? ''
    : `Máy in đang gặp sự cố (${ticket.printerProblem || 'không rõ nguyên nhân'}). ` +
      'Vui lòng ghi nhớ hoặc chụp lại số thứ tự của bạn.';
  problem.hidden = ticket.printed;
  byId('ticket-printed').hidden = !ticket.printed;
  show('ticket');
  byId('ticket-done').focus();
  returnLater(ticket.printed ? RETURN_MS : RETURN_UNPRINTED_MS, byId('ticket-countdown'));
}

/** Goes back to the start screen after `ms`, counting down in `label` if given. */
function returnLater(ms, label) {
  clearTimers();
  const until = Date.now() + ms;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) backToStart();
    else if (label) label.textContent = `Màn hình sẽ trở về trang đầu sau ${left} giây.`;
  };
  tick();
  countdownTimer = setInterval(tick, 1000);
  returnTimer = setTimeout(backToStart, ms);
}

function clearTimers() {
  clearTimeout(returnTimer);
  clearInterval(countdownTimer);
}

function backToStart() {
  clearTimers();
  const none = document.querySelector('input[name="priority"][value=""]');
  if (none) none.checked = true;
  startError.hidden = true;
  show('start');
  fieldsBox.querySelector('button')?.focus();
}

// Rejoin: a citizen who missed their call types their number on an on-screen keypad.

function renderLetters(fields) {
  byId('rejoin-letters').replaceChildren(
    ...fields.map((f) => keypadButton(f.prefix, () => typeKey(f.prefix))),
  );
}

function keypadButton(label, onPress, ariaLabel) {
  const button = element('button', { className: 'key', text: label, attrs: { type: 'button' } });
  if (ariaLabel) button.setAttribute('aria-label', ariaLabel);
  button.addEventListener('click', onPress);
  return button;
}

function typeKey(key) {
  rejoinInput.value = key === 'back' ? rejoinInput.value.slice(0, -1) : (rejoinInput.value + key).slice(0, 6);
  returnLater(IDLE_MS);
}

async function submitRejoin() {
  const number = normaliseTicketNumber(rejoinInput.value);
  const error = byId('rejoin-error');
  const result = byId('rejoin-result');
  result.textContent = '';
  error.hidden = true;
  if (!number) {
    error.textContent = 'Vui lòng nhập số thứ tự, ví dụ B012.';
    error.hidden = false;
    return;
  }
  try {
    await api(`/api/tickets/${encodeURIComponent(number)}/rejoin`, { method: 'POST' });
    result.textContent = `Số ${number} đã được xếp lại vào hàng chờ. Vui lòng chờ gọi số.`;
    returnLater(RETURN_MS);
  } catch (failure) {
    error.textContent = messageFor(failure);
    error.hidden = false;
    returnLater(IDLE_MS);
  }
}

function openRejoin() {
  rejoinInput.value = '';
  byId('rejoin-result').textContent = '';
  byId('rejoin-error').hidden = true;
  show('rejoin');
  rejoinInput.focus();
  returnLater(IDLE_MS);
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((d) =>
  keypadButton(d, () => typeKey(d)),
);
byId('rejoin-digits').replaceChildren(
  ...digits,
  keypadButton('Xoá', () => typeKey('back'), 'Xoá một ký tự'),
);
rejoinInput.addEventListener('input', () => {
  rejoinInput.value = rejoinInput.value.toUpperCase();
  returnLater(IDLE_MS);
});
rejoinInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') submitRejoin();
});
byId('rejoin-open').addEventListener('click', openRejoin);
byId('rejoin-submit').addEventListener('click', submitRejoin);
byId('rejoin-back').addEventListener('click', backToStart);
byId('ticket-done').addEventListener('click', backToStart);

startClock(byId('clock'));
connectLive({
  onSnapshot: (snapshot) => renderFields(snapshot.fields),
  onUpdate: (update) => renderFields(update.snapshot.fields),
  onConnection: (connected) => {
    byId('lan-lost').hidden = connected;
  },
});
