// Checks that the system programs the tests use are on this machine (npm test runs it first).
// The list, with each program's Debian package, is .ci/run's `system_packages`, which installs
// whatever a fresh machine lacks; this reads it from there, so the two never drift apart.
//   node scripts/system-deps.mjs            lists what is missing and how to install it (exit 1 when anything is)
//   node scripts/system-deps.mjs packages   prints every package, for a README or a Dockerfile
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const ciRun = readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8');
const block = /^system_packages=\(\n([\s\S]*?)^\)/m.exec(ciRun)?.[1] ?? '';
const needs = [...block.matchAll(/^\s*"(\S+) (\S+)"\s*#\s*(.*)$/gm)].map(([, program, pkg, why]) => ({
  // NEWSROOM_CHROMIUM points the e2e tests at another Chromium.
  program: program === '/usr/bin/chromium' ? (process.env.NEWSROOM_CHROMIUM ?? program) : program,
  pkg,
  why,
}));
if (needs.length === 0) throw new Error('.ci/run has no system_packages list');

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (program) =>
  program.includes('/')
    ? executable(program)
    : (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, program)));

const [action = 'check'] = process.argv.slice(2);
if (action === 'packages') {
  console.log(needs.map((need) => need.pkg).join(' '));
} else if (action === 'check') {
  const absent = needs.filter((need) => !onPath(need.program));
  if (absent.length > 0) {
    console.error('The tests need programs this machine lacks:');
    for (const need of absent) console.error(`  ${need.program} (Debian ${need.pkg}): ${need.why}`);
    console.error(`Install them with: sudo apt-get install ${absent.map((need) => need.pkg).join(' ')}`);
    console.error('(bash .ci/run installs them, then runs the tests)');
    process.exit(1);
  }
} else {
  console.error('usage: node scripts/system-deps.mjs [check|packages]');
  process.exit(2);
}
