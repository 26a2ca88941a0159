import { parseArgs } from 'node:util';
import { startAgent } from './bootstrap.ts';
import { loadSettings } from './settings.ts';

/**
 * `npm run agent -- --config <file>`: runs one ward agent, as on a ward's mini-PC
 * (see edge-agent/README.md for the settings file and the systemd unit).
 */
const { values } = parseArgs({ options: { config: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help || !values.config) {
  console.log('Cách dùng / usage: npm run agent -- --config <agent.json>');
  process.exit(values.help ? 0 : 2);
}
try {
  const settings = loadSettings(values.config);
  const running = await startAgent(settings);
  console.log(`motcua agent ${settings.wardId}: LAN ${running.lanUrl} (kiosk /kiosk, display /display)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`stopping (${signal})…`);
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
