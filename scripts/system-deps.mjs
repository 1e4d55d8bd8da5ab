// The system programs the tests use, and the Debian packages that bring them.
//   node scripts/system-deps.mjs check     lists what is missing (exit 1 when anything is)
//   node scripts/system-deps.mjs install   installs what is missing with apt-get (as root, or through sudo)
//   node scripts/system-deps.mjs packages  prints every package, for a README or a Dockerfile
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const needs = [
  { program: process.env.NEWSROOM_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium', why: 'the e2e tests drive it' },
  { program: 'exiftool', pkg: 'libimage-exiftool-perl', why: 'the oracle for photo metadata' },
  { program: 'java', pkg: 'default-jre-headless', why: 'runs the W3C Nu HTML checker on exports' },
  { program: 'sqlite3', pkg: 'sqlite3', why: 'the crash tests open the archive with it, as other programs do' },
  { program: 'python3', pkg: 'python3', why: 'node-gyp, and the crash tests open the archive with its sqlite3' },
  { program: 'make', pkg: 'make', why: 'node-gyp builds better-sqlite3' },
  { program: 'g++', pkg: 'g++', why: 'node-gyp builds better-sqlite3' },
];

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

export const missing = () => needs.filter((need) => !onPath(need.program));

const installCommand = (packages) => `sudo apt-get install ${packages.join(' ')}`;

function run(command, args) {
  const asRoot = process.getuid?.() === 0 ? [command, ...args] : ['sudo', command, ...args];
  const [first, ...rest] = asRoot;
  const result = spawnSync(first, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0)
    throw new Error(`${asRoot.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

const [action = 'check'] = process.argv.slice(2);
const absent = missing();
if (action === 'packages') {
  console.log(needs.map((need) => need.pkg).join(' '));
} else if (action === 'check') {
  if (absent.length > 0) {
    console.error('The tests need programs this machine lacks:');
    for (const need of absent) console.error(`  ${need.program} (Debian ${need.pkg}): ${need.why}`);
    console.error(`Install them with: ${installCommand(absent.map((need) => need.pkg))}`);
    console.error('(or: node scripts/system-deps.mjs install)');
    process.exit(1);
  }
} else if (action === 'install') {
  if (absent.length === 0) {
    console.log('System programs for the tests: all present.');
  } else {
    const packages = [...new Set(absent.map((need) => need.pkg))];
    console.log(`Installing from Debian: ${packages.join(' ')}`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
    const still = missing();
    if (still.length > 0) {
      console.error(`Still missing after the install: ${still.map((need) => need.program).join(', ')}`);
      process.exit(1);
    }
  }
} else {
  console.error('usage: node scripts/system-deps.mjs check|install|packages');
  process.exit(2);
}
