// Electronegativity over electron/: fails on any high or medium finding that is not in
// electron/desktop/electronegativity-reviewed.json (each there with its reason), and on a
// reviewed entry the scan no longer reports, so the list stays true.
// The check of Electron's published releases needs the network and is left out.
// It runs through the library's API, not its CLI: the CLI writes its CSV header and its rows
// with two unordered asynchronous writes, so a row could be lost on a busy machine.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const scan = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(
  readFileSync(join(root, 'electron', 'desktop', 'electronegativity-reviewed.json'), 'utf8'),
).reviewed;

const report = await scan(
  {
    input: join(root, 'electron'),
    isRelative: true,
    isVerbose: false,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
  },
  false,
);
const unscanned = report.errors.filter((error) => !error.tolerable);
if (unscanned.length > 0) {
  for (const error of unscanned) console.error(`  COULD NOT SCAN: ${error.file}: ${error.message}`);
  throw new Error(`electronegativity could not scan ${unscanned.length} file(s)`);
}
const findings = report.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
}));
const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file;
const open = serious.filter((finding) => !reviewed.some((entry) => matches(entry, finding)));
const stale = reviewed.filter((entry) => !serious.some((finding) => matches(entry, finding)));
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
