// Lint rules that guard the architecture: the core stays pure (no vscode, no
// Node built-ins), and no promise is left floating in the adapters.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'buffer', 'process', 'url', 'events', 'worker_threads', 'readline'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/**', 'scripts/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-debugger': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'The core must not depend on VS Code: put editor code in src/extension.' },
            { group: ['node:*', ...nodeBuiltins], message: 'The core runs in browsers too: reach files through the FileSystem port.' },
            { group: ['**/extension/**', '**/cli/**'], message: 'The core must not import its adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core runs in browsers too.' }, { name: 'Buffer', message: 'Use Uint8Array.' }, { name: 'require', message: 'Use imports.' }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', ...nodeBuiltins], message: 'The extension also runs as a web extension: use vscode.workspace.fs and vscode.Uri.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Not available in the web extension host.' }, { name: 'Buffer', message: 'Use Uint8Array and TextEncoder.' }],
    },
  },
);
