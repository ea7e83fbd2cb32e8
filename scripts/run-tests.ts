/**
 * `npm test`: every check and test runner, in order, then one closing line that sums them all:
 * `N passed, N failed`. Checks (browser setup, typecheck, lint and format, data build) count one
 * each; unit, data and end-to-end tests count per test, from each runner's JSON report.
 *
 * Unit tests run twice, under TZ=UTC and TZ=Asia/Yerevan: time logic must not depend on the zone
 * of the machine it runs on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './data-files';

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const RESULTS = join(ROOT, 'e2e/.results');
const tallies: Tally[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1', ...env } });
  return r.status === 0;
}

function check(name: string, cmd: string, args: string[]): boolean {
  const ok = run(cmd, args);
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

interface VitestReport {
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

/** Vitest's JSON report, split by runner: data tests live in scripts/, unit tests in src/. */
function vitest(label: string, args: string[], env: Record<string, string>, projects: Record<string, string>) {
  const out = join(RESULTS, `vitest-${label}.json`);
  rmSync(out, { force: true });
  const ok = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args],
    env,
  );
  if (!existsSync(out)) {
    tallies.push({ name: `vitest ${label} (no report)`, passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
  for (const [dir, name] of Object.entries(projects)) {
    const t: Tally = { name, passed: 0, failed: 0, skipped: 0 };
    for (const file of report.testResults.filter((f) => f.name.includes(`/${dir}/`))) {
      for (const a of file.assertionResults) {
        if (a.status === 'passed') t.passed++;
        else if (a.status === 'failed') t.failed++;
        else t.skipped++;
      }
    }
    tallies.push(t);
  }
  // A runner that failed without a failing test (a file that does not load) still fails.
  const counted = tallies.slice(-Object.keys(projects).length).reduce((n, t) => n + t.failed, 0);
  if (!ok && counted === 0) tallies.push({ name: `vitest ${label} (run failed)`, passed: 0, failed: 1, skipped: 0 });
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function playwright() {
  const out = join(RESULTS, 'report.json');
  rmSync(out, { force: true });
  const ok = run('npx', ['playwright', 'test']);
  if (!existsSync(out)) {
    tallies.push({ name: 'end-to-end (no report)', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const { stats } = JSON.parse(readFileSync(out, 'utf8')) as PlaywrightReport;
  tallies.push({
    name: 'end-to-end',
    passed: stats.expected,
    failed: stats.unexpected + stats.flaky,
    skipped: stats.skipped,
  });
  if (!ok && stats.unexpected + stats.flaky === 0)
    tallies.push({ name: 'end-to-end (run failed)', passed: 0, failed: 1, skipped: 0 });
}

mkdirSync(RESULTS, { recursive: true });
const browser = check('Chromium present', 'bash', ['scripts/ensure-chromium.sh']);
check('typecheck', 'npx', ['tsc', '-p', '.']);
check('lint and format', 'npx', ['biome', 'ci', '--error-on-warnings', '.']);
const assets = check('basemap and data build', 'npm', ['run', '--silent', 'assets']);
vitest('utc', [], { TZ: 'UTC' }, { src: 'unit (TZ=UTC)', scripts: 'data' });
vitest('yerevan', ['--project', 'unit'], { TZ: 'Asia/Yerevan' }, { src: 'unit (TZ=Asia/Yerevan)' });
const built = assets && check('production build', 'npx', ['vite', 'build']);
if (built && browser) playwright();
else tallies.push({ name: 'end-to-end (not run: build or browser missing)', passed: 0, failed: 1, skipped: 0 });

const sum = (k: 'passed' | 'failed' | 'skipped') => tallies.reduce((n, t) => n + t[k], 0);
console.log('\nSummary');
for (const t of tallies) {
  console.log(
    `  ${t.name.padEnd(28)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`,
  );
}
const line = `${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`;
writeFileSync(join(RESULTS, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(sum('failed') > 0 ? 1 : 0);
