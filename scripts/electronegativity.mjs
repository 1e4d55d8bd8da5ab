// Electronegativity over electron/: fails on any high or medium finding that is not in
// electron/desktop/electronegativity-reviewed.json (each there with its reason), and on a
// reviewed entry the scan no longer reports, so the list stays true.
// The check of Electron's published releases needs the network and is left out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(
  readFileSync(join(root, 'electron', 'desktop', 'electronegativity-reviewed.json'), 'utf8'),
).reviewed;

const dir = mkdtempSync(join(tmpdir(), 'newsroom-electronegativity-'));
try {
  const out = join(dir, 'findings.csv');
  const args = [
    cli,
    '-i',
    join(root, 'electron'),
    '-e',
    electronVersion,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-r',
    '-v',
    'false',
    '-o',
    out,
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity failed (exit ${run.status})`);
  }
  const findings = [
    ...readFileSync(out, 'utf8').matchAll(/^([A-Z_]+),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","(\w+)","([^"]*)","([^"]*)"/gm),
  ].map(([, check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }));
  const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
  const isReviewed = (finding) =>
    reviewed.some((entry) => entry.check === finding.check && entry.file === finding.file);
  const open = serious.filter((finding) => !isReviewed(finding));
  const stale = reviewed.filter(
    (entry) => !serious.some((finding) => finding.check === entry.check && finding.file === entry.file),
  );
  console.log(
    `Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${serious.length} high or medium, ${serious.length - open.length} of them reviewed.`,
  );
  for (const finding of open)
    console.error(
      `  NOT REVIEWED: ${finding.check} (${finding.severity}, ${finding.confidence}) at ${finding.file}:${finding.location}`,
    );
  for (const entry of stale)
    console.error(`  NO LONGER FOUND, remove it from the reviewed list: ${entry.check} at ${entry.file}`);
  if (open.length > 0 || stale.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
