// `npm run test:slow`: the ten tests of the last run that came closest to their timeout, and the run's wall time,
// from test-results/durations.json (written by test/support/durations-reporter.ts on every vitest run).
import { existsSync, readFileSync } from 'node:fs';

const FILE = 'test-results/durations.json';
if (!existsSync(FILE)) {
  process.stderr.write(`${FILE} does not exist yet: run \`npm test\` (or \`npx vitest run <files>\`) first\n`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(FILE, 'utf8'));
const count = Number(process.argv[2] ?? 10);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
process.stdout.write(`last run: ${report.tests.length} tests, wall time ${seconds(report.wallMs)} on ${report.cpus} CPUs `
  + `(load average at the end ${report.loadAverage.join(', ')})\n`);
process.stdout.write(`the ${Math.min(count, report.tests.length)} closest to their timeout:\n`);
for (const t of report.tests.slice(0, count)) {
  const share = `${Math.round(t.fraction * 100)}%`.padStart(4);
  process.stdout.write(`  ${share} of ${seconds(t.timeoutMs).padStart(7)}  ${seconds(t.durationMs).padStart(7)}  ${t.file} > ${t.test}\n`);
}
const over = report.tests.filter((t) => t.fraction > 0.5);
if (over.length > 0) process.stdout.write(`${over.length} test(s) used more than half of their timeout\n`);
