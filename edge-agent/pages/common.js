// Helpers every page shares: calling the agent's JSON API, following its live stream, and
// small DOM chores. Plain browser JavaScript (ES modules), no build step.

/** The element with this id; a missing one is a bug in the page, so fail loudly. */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

/** Shows one of several sections and hides the others. */
export function showOnly(visible, ...others) {
  for (const section of others) section.hidden = true;
  visible.hidden = false;
}

/** A refusal from the agent (status and code from its JSON error), or code 'network' when unreachable. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls the LAN API; resolves with the JSON answer (undefined for 204), rejects with an ApiError. */
export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'the agent cannot be reached');
  }
  if (response.status === 204) return undefined;
  const data = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText);
  }
  return data;
}

/**
 * Follows `/api/live`: `onSnapshot(snapshot)` on every (re)connect, `onUpdate({ snapshot, events })`
 * for each change, `onConnection(true|false)` as the link comes and goes. EventSource retries a
 * dropped connection by itself but gives up on an error answer (the agent restarting), so a
 * closed source is reopened here, backing off up to 30 s. Returns a function that stops it.
 */
export function connectLive({ onSnapshot, onUpdate = () => {}, onConnection = () => {} }) {
  let source;
  let retry;
  let delay = 1000;
  let stopped = false;
  const open = () => {
    const current = new EventSource('/api/live');
    source = current;
    current.addEventListener('snapshot', (event) => {
      delay = 1000;
      onConnection(true);
      onSnapshot(JSON.parse(event.data));
    });
    current.addEventListener('update', (event) => onUpdate(JSON.parse(event.data)));
    current.addEventListener('error', () => {
      onConnection(false);
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      retry = setTimeout(open, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}

/** Keeps `element` showing the time (HH:MM); returns a function that stops it. */
export function startClock(element) {
  const tick = () => {
    // The ward's time whatever time zone the screen's computer is set to.
    element.textContent = new Date().toLocaleTimeString('vi-VN', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  };
  tick();
  const timer = setInterval(tick, 10_000);
  return () => clearInterval(timer);
}

/** The counter number in `/counter/3` or `/rating/3`. */
export function counterFromPath() {
  return Number(location.pathname.split('/')[2]);
}

/** Creates an element with text content (never HTML: nothing from the agent is parsed as markup). */
export function element(tag, { text, className, attrs = {} } = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}
