// Rating pad (/rating/{n}): four big buttons, one rating per service. The pad sends no
// credentials: the agent ties the rating to the ticket just served at this counter.
import { api, byId, counterFromPath, showOnly } from './common.js';
import { messageFor } from './messages.js';

/** How long the thanks or refusal stays before the pad is ready for the next citizen. */
const BACK_TO_IDLE_MS = 5_000;
/** Taps this soon after the pad comes back are the tail of the previous citizen's double tap. */
const SETTLE_MS = 1_000;

const counter = counterFromPath();
const screens = [byId('idle'), byId('thanks'), byId('refused')];
const scoreButtons = [...byId('scores').querySelectorAll('button[data-score]')];
let busy = false;
let readyAt = 0;
let idleTimer;

function show(section) {
  showOnly(section, ...screens.filter((s) => s !== section));
}

async function rate(score) {
  if (busy || Date.now() < readyAt) return; // one rating per tap, however many taps land
  busy = true;
  for (const button of scoreButtons) button.disabled = true;
  try {
    await api('/api/ratings', { method: 'POST', body: { counter, score } });
    show(byId('thanks'));
  } catch (error) {
    byId('refused-message').textContent = messageFor(error);
    show(byId('refused'));
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(backToIdle, BACK_TO_IDLE_MS);
}

function backToIdle() {
  busy = false;
  readyAt = Date.now() + SETTLE_MS;
  for (const button of scoreButtons) button.disabled = false;
  show(byId('idle'));
}

byId('counter-number').textContent = String(counter);
for (const button of scoreButtons) {
  button.addEventListener('click', () => rate(Number(button.dataset.score)));
}
