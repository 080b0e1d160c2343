#!/usr/bin/env node
// Runs the test suites with Node's own runner. Node 20's `node --test` takes
// no globs and finds no .ts files by itself, so this script lists them.
//   node scripts/run-tests.mjs            every suite
//   node scripts/run-tests.mjs server     API and unit tests only
//   node scripts/run-tests.mjs browser    browser tests only (builds the page first)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const which = process.argv[2] ?? 'all';

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

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverTests = [...findTests(join(root, 'apps')), ...findTests(join(root, 'packages')), ...findTests(join(root, 'test-support'))];
const browserTests = findTests(join(root, 'e2e'));
const selected = which === 'server' ? serverTests : which === 'browser' ? browserTests : [...serverTests, ...browserTests];
if (selected.length === 0) {
  console.error(`no ${which} tests found`);
  process.exit(1);
}
if (selected.some((file) => file.startsWith('e2e'))) run('npm', ['run', '--silent', 'build:web']);
// One file at a time: the browser tests and the servers they start would fight over two cores.
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...selected]);
