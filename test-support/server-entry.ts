/**
 * The real server from the TypeScript sources in a process of its own, on a
 * free port, configured by the environment; prints "listening <port>" once ready.
 */
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';

const [mode] = process.argv.slice(2);

if (mode === 'app') {
  const config = loadConfig({ LOG_LEVEL: 'silent', API_RATE_PER_IP: '1000000', LOGIN_RATE_PER_IP: '10000', ...process.env });
  const app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
  // A normal exit, so `--cpu-prof` can write its profile.
  process.once('SIGINT', () => void app.close().then(() => process.exit(0)));
} else {
  console.error('usage: server-entry.ts app');
  process.exit(2);
}
