import { existsSync } from 'node:fs';

/** Debian's Chromium binary; its /usr/bin wrapper prints shell errors, so it is the last resort. */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** `CHROMIUM_PATH`, or the first Chromium found on this machine. */
export function findChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}
