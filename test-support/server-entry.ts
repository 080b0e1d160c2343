/**
 * Child-process entry points for the benchmark, so load generator and server
 * never share a process:
 *   app              the real server; DATABASE_URL etc. from the environment
 *   bare <bodyfile>  node:http answering a fixed body: the practical ceiling
 * Each prints "listening <port>" once ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';

const [mode, file] = process.argv.slice(2);

if (mode === 'bare' && file) {
  const body = readFileSync(file);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
  });
} else if (mode === 'app') {
  const config = loadConfig({ LOG_LEVEL: 'silent', API_RATE_PER_IP: '1000000', LOGIN_RATE_PER_IP: '10000', ...process.env });
  const app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
  // A normal exit, so `--cpu-prof` can write its profile.
  process.once('SIGINT', () => void app.close().then(() => process.exit(0)));
} else {
  console.error('usage: server-entry.ts app | bare <bodyfile>');
  process.exit(2);
}
