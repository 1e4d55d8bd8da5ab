import { parseArgs } from 'node:util';

/** Every option of every command (each command lists the ones it takes); parsed once, strictly. */
export const cliOptions = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  headline: { type: 'string' },
  status: { type: 'string' },
  section: { type: 'string' },
  tags: { type: 'string' },
  page: { type: 'string' },
  style: { type: 'string' },
  port: { type: 'string' },
  compare: { type: 'string' },
  filter: { type: 'string' },
  display: { type: 'string' },
  'missing-credit': { type: 'boolean', default: false },
  out: { type: 'string' },
  draft: { type: 'boolean', default: false },
  contributor: { type: 'string' },
  from: { type: 'string' },
  unit: { type: 'string' },
  to: { type: 'string' },
  restore: { type: 'string' },
  name: { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  'as-is': { type: 'boolean', default: false },
  database: { type: 'string' },
  host: { type: 'string' },
  role: { type: 'string' },
  user: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} as const;

/** Options every command takes. */
export const globalOptions = ['data-dir', 'json', 'help'] as const;

export type OptionName = keyof typeof cliOptions;

export const parseCli = (argv: string[]) =>
  parseArgs({ args: argv, options: cliOptions, allowPositionals: true, strict: true });
export type CliValues = ReturnType<typeof parseCli>['values'];
