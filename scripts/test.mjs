#!/usr/bin/env node
// `npm test`: typecheck, production build, then every Vitest project (unit, component, browser)
// in one run, ending with a closing summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules', '.bin', name);
const step = (title, cmd, args) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};

let failedSteps = 0;
if (step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) !== 0) failedSteps++;
if (step('production build', bin('vite'), ['build', '--logLevel', 'warn']) !== 0) {
  console.error('build failed: the browser tests cannot run');
  process.exit(1);
}
mkdirSync(resolve(root, 'test-results'), { recursive: true });
const report = resolve(root, 'test-results', 'vitest.json');
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitestStatus = step('vitest: unit, component and browser tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (vitestStatus !== 0 && failed === 0) failed = 1; // a crash or a failed suite with no counted test
failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitestStatus !== 0 ? 1 : 0);
