/**
 * Runs Electronegativity over the code that shapes the Electron surface (main
 * process adapters, preload, and the built page with its CSP) and fails on any
 * finding. Electronegativity itself exits 0 whatever it finds, so this reads
 * its SARIF report. A finding that only asks for a human review passes once
 * security/electronegativity-reviewed.json records who looked and why it is
 * safe; a reviewed entry that no longer matches a finding fails too, so the
 * list cannot go stale.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  }>;
}

interface Reviewed {
  ruleId: string;
  file: string;
  reason: string;
}

const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'))
  .version as string;
const WORK = '.tmp/electronegativity';
const INPUT = join(WORK, 'input');
const REPORT = join(WORK, 'report.sarif');

rmSync(WORK, { recursive: true, force: true });
mkdirSync(INPUT, { recursive: true });
cpSync('src-main/electron', join(INPUT, 'electron'), { recursive: true });
cpSync('src-main/host', join(INPUT, 'host'), { recursive: true });
// The built page: its CSP pins the scripts by hash (scripts/vite-csp-hash.ts).
cpSync('dist/renderer/index.html', join(INPUT, 'index.html'));

execFileSync(
  'npx',
  ['electronegativity', '-i', INPUT, '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', REPORT],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

const results = (
  JSON.parse(readFileSync(REPORT, 'utf8')) as { runs: Array<{ results: SarifResult[] }> }
).runs[0]!.results;
const reviewed = JSON.parse(
  readFileSync('security/electronegativity-reviewed.json', 'utf8'),
) as Reviewed[];

const where = (result: SarifResult) => {
  const location = result.locations[0]?.physicalLocation;
  return { file: basename(location?.artifactLocation.uri ?? ''), line: location?.region.startLine };
};
const isReviewed = (result: SarifResult) =>
  reviewed.some((entry) => entry.ruleId === result.ruleId && entry.file === where(result).file);

const open = results.filter((result) => !isReviewed(result));
const stale = reviewed.filter(
  (entry) => !results.some((r) => r.ruleId === entry.ruleId && where(r).file === entry.file),
);

console.log(
  `electronegativity ${ELECTRON_VERSION}: ${results.length} finding(s), ` +
    `${results.length - open.length} reviewed, ${open.length} open, ${stale.length} stale review(s)`,
);
for (const result of open) {
  const { file, line } = where(result);
  console.log(`  OPEN  ${result.ruleId} ${file}:${line} — ${result.message.text}`);
}
for (const entry of stale)
  console.log(`  STALE ${entry.ruleId} ${entry.file}: no such finding now`);
process.exit(open.length === 0 && stale.length === 0 ? 0 : 1);
