// Hall display (/display): who is being served at each counter, the last calls (people miss
// theirs), how many wait per field, and the spoken call for each new call or recall.
import { AudioQueue } from './audio-queue.js';
import { byId, connectLive, element, startClock } from './common.js';
import { timeOf } from './messages.js';

/** Enough recent calls to catch a missed one without crowding a 1366×768 screen. */
const RECENT_SHOWN = 8;
/** How long the latest call stays highlighted. */
const HIGHLIGHT_MS = 10_000;

const soundButton = byId('sound-on');
const sounds = new AudioQueue({
  onBlocked: () => {
    soundButton.hidden = false;
  },
});
let highlightTimer;

function render(snapshot) {
  byId('offline').hidden = snapshot.cloud.online;
  const latest = snapshot.recentCalls[0];
  byId('serving').replaceChildren(
    ...snapshot.counters.map((c) => {
      const item = element('li', { className: 'serving-item' });
      item.append(
        element('span', { className: 'counter-label', text: `Quầy ${c.counter}` }),
        element('span', { className: 'arrow', text: '→', attrs: { 'aria-hidden': 'true' } }),
        element('span', {
          className: c.serving ? 'serving-number' : 'serving-number idle',
          text: c.serving ?? (c.clerk ? '—' : 'Tạm nghỉ'),
        }),
      );
      if (latest && c.serving === latest.number && c.counter === latest.counter) item.classList.add('latest');
      return item;
    }),
  );
  byId('recent').replaceChildren(
    ...snapshot.recentCalls.slice(0, RECENT_SHOWN).map((call) => {
      const item = element('li', { className: 'recent-item' });
      item.append(
        element('span', { className: 'recent-number', text: call.number }),
        // The counter that actually called: several counters may serve the same field.
        element('span', { className: 'recent-counter', text: `Quầy ${call.counter}` }),
        element('span', { className: 'recent-time', text: timeOf(call.at) }),
      );
      return item;
    }),
  );
  byId('waiting').replaceChildren(
    ...snapshot.fields.map((f) => {
      const item = element('li', { className: 'waiting-item' });
      item.append(
        element('span', { text: f.name }),
        element('strong', { text: String(f.waiting), attrs: { 'aria-label': `${f.waiting} người` } }),
      );
      return item;
    }),
  );
}

/** Each new call or recall is spoken once, in order; a reconnect's snapshot announces nothing. */
function announce(events) {
  let called = false;
  for (const event of events) {
    if (event.type !== 'ticket_called' && event.type !== 'ticket_recalled') continue;
    called = true;
    sounds.enqueue(`/api/announcements/${encodeURIComponent(event.number)}/${event.counter}.wav`);
  }
  if (called) {
    document.body.classList.add('just-called');
    clearTimeout(highlightTimer);
    highlightTimer = setTimeout(() => document.body.classList.remove('just-called'), HIGHLIGHT_MS);
  }
}

soundButton.addEventListener('click', () => {
  soundButton.hidden = true;
  sounds.unlock();
});
startClock(byId('clock'));
connectLive({
  onSnapshot: render,
  onUpdate: (update) => {
    render(update.snapshot);
    announce(update.events);
  },
  onConnection: (connected) => {
    byId('lan-lost').hidden = connected;
  },
});
