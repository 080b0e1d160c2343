/** Starts and measures the benchmark's server processes. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory now and at its peak, in MB, from the kernel's accounting. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/** The server from the sources (`app`), or any script that prints "listening <port>" (`script`). */
export function startServer(mode: 'app' | 'script', args: string[] = [], env: Record<string, string> = {}): Promise<ServerProcess> {
  const command = mode === 'app' ? ['--import', 'tsx', join(import.meta.dirname, 'server-entry.ts'), 'app'] : args;
  const child = spawn(process.execPath, command, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(wrap(child, `http://127.0.0.1:${match[1]}`));
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

/**
 * The production build (dist/server/main.mjs, from `npm run build:server`) on a free port,
 * configured by `env` exactly as `npm start` would be; `nodeFlags` go to node before the script
 * (e.g. --cpu-prof, or a V8 heap setting under study).
 */
export async function startBundledServer(env: Record<string, string>, nodeFlags: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, join(import.meta.dirname, '../dist/server/main.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ready) return wrap(child, url);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('server did not become ready');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function wrap(child: ChildProcess, url: string): ServerProcess {
  return {
    url,
    child,
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      });
    },
  };
}
