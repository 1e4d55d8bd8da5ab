// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
];

/** Folder = runtime: these rules keep each folder's imports inside what its runtime has. */
const boundaries = {
  shared: {
    patterns: [
      { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node built-ins.' },
      {
        group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'slate*'],
        message: 'shared/ imports no runtime-specific package.',
      },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
    ],
  },
  renderer: {
    patterns: [
      { group: nodeBuiltins, message: 'The renderer is a sandboxed page: no Node built-ins.' },
      {
        group: ['electron', 'better-sqlite3'],
        message: 'The renderer talks to the core only through the contract client.',
      },
      { group: ['**/electron/**'], message: 'renderer/ never imports electron/: use the contract in shared/api.' },
    ],
  },
  server: {
    patterns: [
      {
        group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'slate*'],
        message: 'The desk server is plain Node with PostgreSQL.',
      },
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'server/ imports shared/ only, never electron/ or renderer/.',
      },
    ],
  },
  core: {
    patterns: [
      {
        group: ['electron', 'react', 'react-dom', 'slate*'],
        message: 'The core is plain Node: no Electron, no React.',
      },
      {
        group: ['**/renderer/**', '**/desktop/**', '**/web/**', '**/cli/**'],
        message: 'The core does not import its shells.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'scripts/*.d.mts',
      'dist/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
      '.native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.cjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.shared] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  { files: ['renderer/src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', boundaries.renderer] } },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['electron/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.core] } },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.server] } },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/desktop/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'Only electron/desktop/preload.ts touches ipcRenderer.',
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // CommonJS files (the packaging config) load with require: that is what they are.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
