import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allWards, districts } from '#domain/catalogue/units';
import { DEMO_PIN, DEMO_WARD } from './queue-runtime.ts';
import { PortInUseError, type Runtime, type RuntimeStep, startRuntime } from './runtime.ts';
import { DEMO_PASSWORD } from './token-issuer.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * `npm start`: the whole backend on this machine, no AWS account needed. Messages are
 * Vietnamese first, English second, like the product.
 */
const HELP = `Một Cửa Điện Tử — chạy cục bộ / local runtime

Cách dùng / Usage: npm start [-- --fresh]

  --fresh   xoá dữ liệu cũ, bắt đầu với bảng rỗng / start with empty data
  --help    trợ giúp này / this help

Biến môi trường / Environment:
  PORT                       cổng API / API port (mặc định / default 3000)
  MOTCUA_DATA_DIR            thư mục dữ liệu / data folder (mặc định / default .motcua in the repo)
  MOTCUA_BROKER_PORT         cổng MQTT (TLS hai chiều) / MQTT port, mutual TLS (mặc định / default 8883)
  AGENT_PORT                 cổng LAN của máy trạm phường demo / demo ward agent LAN port (mặc định / default 4000)
  MOTCUA_AGENT_IOT_ENDPOINT  máy trạm demo kết nối tới host:port này / the demo agent connects to this host:port
`;

const STEPS: Record<RuntimeStep, string> = {
  dynamodb: 'Khởi động DynamoDB Local / Starting DynamoDB Local',
  tables: 'Tạo bảng / Creating tables',
  s3: 'Khởi động S3 cục bộ (s3rver) / Starting local S3 (s3rver)',
  api: 'Mở API / Starting the API',
  queue:
    'Khởi động MQTT (IoT Core cục bộ) và máy trạm phường demo / Starting MQTT (local IoT Core) and the demo ward agent',
  streams: 'Theo dõi luồng thay đổi để tổng hợp số liệu / Following the table streams into the statistics',
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let runtime: Runtime | undefined;
/** When shutting down began (ms), 0 while running. */
let exiting = 0;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(HELP);
  const unknown = args.filter((a) => a !== '--fresh');
  if (unknown.length > 0) fail(`Tham số không hợp lệ / Unknown argument: ${unknown.join(' ')}\n\n${HELP}`, 2);
  const port = parsePort(process.env.PORT, 3000, 'PORT');
  const dataDir = resolve(process.env.MOTCUA_DATA_DIR || resolve(repoRoot, '.motcua'));
  const fresh = args.includes('--fresh');
  const started = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0, signal));
  process.on('uncaughtException', (error) => {
    console.error(`\nLỗi không mong đợi / Unexpected error: ${error.stack ?? error.message}`);
    void shutdown(1);
  });

  console.log('Một Cửa Điện Tử — chạy cục bộ / local runtime\n');
  if (fresh) console.log('  (--fresh: dữ liệu cũ bị xoá / old data wiped)');
  let step = 0;
  let webDir: string;
  try {
    webDir = await ensureWebBuild((reason) =>
      console.log(
        reason === 'missing'
          ? '  Dựng giao diện web lần đầu / Building the web app (first run, ~10 s)…'
          : '  Mã nguồn web đã đổi, dựng lại / The web sources changed: rebuilding the web app…',
      ),
    );
  } catch (error) {
    fail(`Không dựng được giao diện web / The web app did not build: ${(error as Error).message}`);
  }
  try {
    runtime = await startRuntime({
      webDir,
      port,
      host: '127.0.0.1',
      dataDir,
      fresh,
      onStep: (s) => console.log(`  [${++step}/${Object.keys(STEPS).length}] ${STEPS[s]}…`),
      streams: true,
      queue: {
        brokerPort: parsePort(process.env.MOTCUA_BROKER_PORT, 8883, 'MOTCUA_BROKER_PORT'),
        agentPort: parsePort(process.env.AGENT_PORT, 4000, 'AGENT_PORT'),
        ...(process.env.MOTCUA_AGENT_IOT_ENDPOINT
          ? { agentIotEndpoint: process.env.MOTCUA_AGENT_IOT_ENDPOINT }
          : {}),
      },
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      fail(
        `Cổng ${error.port} đang được dùng / Port ${error.port} is already in use.\n` +
          `Dừng chương trình kia hoặc chọn cổng khác / Stop the other program or pick another port: PORT=${error.port + 1} npm start`,
      );
    }
    fail(`Không khởi động được / Start-up failed: ${(error as Error).message}`);
  }
  if (exiting) return; // Ctrl-C arrived during start-up
  printSummary(runtime as Runtime, dataDir, Date.now() - started);
}

function printSummary(runtime: Runtime, dataDir: string, ms: number): void {
  const ward = allWards[0]?.id ?? '<ward>';
  const district = districts[0]?.id ?? '<district>';
  const logins = [
    ['clerk.<phường/ward>', 'công chức tiếp nhận / counter clerk', `clerk.${ward}`],
    ['specialist.<phường/ward>', 'chuyên môn / specialist', `specialist.${ward}`],
    ['leader.<phường/ward>', 'lãnh đạo / ward leader', `leader.${ward}`],
    ['admin.<phường/ward>', 'quản trị phường / ward admin', `admin.${ward}`],
    ['district.<quận/district>', 'cán bộ quận / district official', `district.${district}`],
    ['city', 'cán bộ thành phố / city official', 'city'],
  ];
  console.log(`\nSẵn sàng / Ready (${(ms / 1000).toFixed(1)} s)\n`);
  console.log(
    `  Web:              ${runtime.url}/   (tra cứu công khai / public pages; cán bộ / staff: ${runtime.url}/login)`,
  );
  console.log(`  API:              ${runtime.url}/v1`);
  console.log(`  Dữ liệu / Data:   ${dataDir}   (npm start -- --fresh để xoá / to wipe)`);
  console.log(`  DynamoDB Local:   ${runtime.dynamodbEndpoint}`);
  console.log(`  S3 (s3rver):      ${runtime.s3Endpoint}   (bản quét / scans: ${dataDir}/s3)\n`);
  console.log(`Tài khoản thử / Demo logins (mật khẩu / password: ${DEMO_PASSWORD}):`);
  const width = Math.max(...logins.map(([, role]) => role?.length ?? 0)) + 2;
  for (const [pattern, role, example] of logins) {
    console.log(`  ${pattern?.padEnd(26)}${role?.padEnd(width)}vd / e.g. ${example} / ${DEMO_PASSWORD}`);
  }
  console.log(`\nĐăng nhập / Log in:\n  curl -s -X POST ${runtime.url}/v1/local/login \\`);
  console.log(
    `    -H 'content-type: application/json' -d '{"username":"clerk.${ward}","password":"${DEMO_PASSWORD}"}'`,
  );
  const queue = runtime.queue;
  if (queue) {
    const lan = queue.agent.lanUrl;
    console.log(`\nHàng đợi phường demo / Demo ward queue (${DEMO_WARD}), MQTT ${queue.brokerEndpoint}:`);
    console.log(`  Kiosk lấy số / ticket kiosk:        ${lan}/kiosk`);
    console.log(
      `  Quầy / counter console:             ${lan}/counter/2   (cán bộ / clerk: clerk.${DEMO_WARD}, PIN ${DEMO_PIN})`,
    );
    console.log(`  Màn hình sảnh / hall display:       ${lan}/display`);
    console.log(`  Đánh giá / rating pad:              ${lan}/rating/2`);
    console.log(`  Trạng thái / state:                 ${lan}/api/state`);
  }
  console.log('\nNhấn Ctrl-C để dừng / Press Ctrl-C to stop.');
}

function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`${name} không hợp lệ / invalid ${name}: ${value}`, 2);
  return port;
}

async function shutdown(code: number, signal?: string): Promise<void> {
  if (exiting) {
    // tsx relays the terminal's Ctrl-C, so the first one arrives twice: only a later one means
    // "stop waiting". The 'exit' hook of dynamodb.ts still kills the JVM.
    if (Date.now() - exiting > 1000) process.exit(code || 130);
    return;
  }
  exiting = Date.now();
  if (signal) console.log(`\nĐang dừng / Stopping (${signal})…`);
  const force = setTimeout(() => process.exit(code || 1), 10_000);
  try {
    await runtime?.stop();
  } finally {
    clearTimeout(force);
    if (signal) console.log('Đã dừng / Stopped.');
    process.exit(code);
  }
}

function fail(message: string, code = 1): never {
  console.error(`\n✗ ${message}`);
  process.exitCode = code;
  // process.exit runs the 'exit' hooks, which kill any DynamoDB Local child still running.
  process.exit(code);
}

await main();
