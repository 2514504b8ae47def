import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers (ARCHITECTURE.md): shared ← core ← api | electron | cli; the renderer reaches the core only
 * through its client and imports nothing outside src/renderer but src/shared.
 */
const layerZones = [
  {
    target: './src/shared',
    from: ['./src/main', './src/renderer', './src/preload'],
    message: 'src/shared is pure: it imports no other layer.',
  },
  {
    target: './src/main/core',
    from: [
      './src/main/api',
      './src/main/electron',
      './src/main/cli',
      './src/main/cli.ts',
      './src/main/index.ts',
      './src/renderer',
      './src/preload',
    ],
    message: 'The core is imported by the doors, never the other way.',
  },
  {
    target: './src/main/api',
    from: ['./src/main/electron', './src/main/cli', './src/renderer', './src/preload'],
    message: 'The API layer sits on the core only.',
  },
  {
    target: './src/main/electron',
    from: ['./src/main/api/app.ts', './src/renderer', './src/preload'],
    message: 'The Electron shell wires the core; it does not reach into the renderer.',
  },
  {
    target: './src/renderer',
    from: ['./src/main', './src/preload'],
    message: 'The renderer reaches the core only through its client (src/renderer/src/client).',
  },
  { target: './src/preload', from: ['./src/main', './src/renderer'], message: 'The preload only bridges: it imports src/shared.' },
];

const electronOnly = {
  paths: [{ name: 'electron', message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': ['error', electronOnly],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnly.paths,
            { name: 'express', message: 'The core is door-agnostic: no express here (put it in src/main/api).' },
          ],
          patterns: electronOnly.patterns,
        },
      ],
    },
  },
  {
    // Tests read JSON answers of many shapes; typing each one would only restate the schemas.
    files: ['**/*.test.ts', 'test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule only matters for the React Compiler, which the renderer does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
);
