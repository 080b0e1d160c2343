#!/usr/bin/env node
// Runs the test suites with Node's own runner. Node 20's `node --test` takes
// no globs and finds no .ts files by itself, so this script lists them.
//   node scripts/run-tests.mjs            everything: server suite on SQLite, again on PostgreSQL, browser tests
//   node scripts/run-tests.mjs server     the server suite on SQLite (API, unit, Redis tests)
//   node scripts/run-tests.mjs postgres   the server suite on PostgreSQL (TEST_DATABASE_URL, default the local server)
//   node scripts/run-tests.mjs cluster    two server processes sharing PostgreSQL and Redis
//   node scripts/run-tests.mjs browser    browser tests only (builds the page first)
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const which = process.argv[2] ?? 'all';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.tsx?$/.test(entry)) found.push(relative(root, path));
  }
  return found.sort();
}

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n# ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) fail(label, result.status);
}

/** Runs node's test runner, streaming its output and adding its summary to the totals. */
function runTests(label, files, env = {}) {
  console.log(`\n# ${label}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tail)?.[1] ?? 0);
      totals.passed += count('pass');
      totals.failed += count('fail') + count('cancelled');
      totals.skipped += count('skipped');
      if (code !== 0) fail(label, code);
      resolve();
    });
  });
}

function fail(label, code) {
  console.error(`\n${label}: failed`);
  console.log(`${totals.passed} passed, ${Math.max(1, totals.failed)} failed`);
  process.exit(code ?? 1);
}

const serverTests = [...findTests(join(root, 'apps')), ...findTests(join(root, 'packages')), ...findTests(join(root, 'test-support'))];
const browserTests = findTests(join(root, 'e2e'));
const clusterTests = findTests(join(root, 'cluster-tests'));

// Files run one at a time: the browser tests and the servers they start would fight over two cores.
const suites = {
  server: () => runTests('server suite on SQLite', serverTests, { TEST_DATABASE_URL: '' }),
  postgres: () => runTests('server suite on PostgreSQL', serverTests, { TEST_DATABASE_URL: postgresUrl }),
  cluster: () => runTests('two instances on PostgreSQL and Redis', clusterTests, { TEST_DATABASE_URL: postgresUrl }),
  browser: async () => {
    run('building the page', 'npm', ['run', '--silent', 'build:web']);
    await runTests('browser tests in Chromium', browserTests);
  },
};

const selected = which === 'all' ? ['server', 'postgres', 'cluster', 'browser'] : [which];
for (const name of selected) {
  if (!suites[name]) {
    console.error(`unknown suite "${name}"; use server, postgres, cluster or browser`);
    process.exit(2);
  }
  await suites[name]();
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
