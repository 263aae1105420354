/**
 * `npm run bench`: runs every `bench:*` script of package.json in turn, so a
 * new benchmark is one script entry away from being part of the run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const benches = Object.keys(pkg.scripts).filter((name) => name.startsWith('bench:'));
let failed = 0;
for (const name of benches) {
  console.log(`\n▶ npm run ${name}`);
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`${name} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
