/**
 * GET /api/kudos with a bearer token and 20 kudos, against a bare node:http
 * server answering the same bytes, in the same run:
 *   node --import tsx bench/kudos-list.ts [--seconds 10] [--connections 50]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const children: ChildProcess[] = [];

function startServer(mode: 'app' | 'bare', file: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'servers.ts'), mode, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, child });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

async function prepare(url: string): Promise<{ token: string; body: Buffer }> {
  const credentials = JSON.stringify({ email: 'loadtest@example.test', password: 'benchmark passphrase' });
  await json(`${url}/api/auth/register`, { method: 'POST', body: credentials });
  const { access_token: token } = (await (await json(`${url}/api/auth/token`, { method: 'POST', body: credentials })).json()) as { access_token: string };
  for (let i = 1; i <= 20; i++) {
    const kudo = { id: 1000 + i, repo_name: `repo-${i}`, full_name: `owner/repo-${i}`, language: 'TypeScript', description: `Benchmark repository ${i} ✨`, repo_url: `https://github.com/owner/repo-${i}` };
    await json(`${url}/api/kudos`, { method: 'POST', body: JSON.stringify(kudo), headers: { authorization: `Bearer ${token}` } });
  }
  const body = Buffer.from(await (await json(`${url}/api/kudos`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
  return { token, body };
}

function load(url: string, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers });
}

function row(name: string, result: autocannon.Result) {
  return {
    scenario: name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

try {
  const app = await startServer('app', join(dir, 'bench.db'));
  const { token, body } = await prepare(app.url);
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  const bare = await startServer('bare', bodyFile);

  // Warm both up so the JIT has settled before anything is counted.
  await autocannon({ url: `${app.url}/api/kudos`, connections: 10, duration: 2, headers: { authorization: `Bearer ${token}` } });
  await autocannon({ url: `${bare.url}/`, connections: 10, duration: 2 });

  const appResult = await load(`${app.url}/api/kudos`, { authorization: `Bearer ${token}` });
  const bareResult = await load(`${bare.url}/`);
  const rows = [row('GET /api/kudos (bearer, 20 kudos)', appResult), row('bare node:http, same bytes', bareResult)];
  console.table(rows);
  const ratio = appResult.requests.average / bareResult.requests.average;
  console.log(`body ${body.length} bytes; ${connections} connections, ${seconds} s each`);
  console.log(`ratio app / bare: ${(ratio * 100).toFixed(1)} %`);
} finally {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
}
