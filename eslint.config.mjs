import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries from DESIGN.md, as regexes over the import specifier:
// renderer and preload reach the host only through the contract; the contract
// imports nothing platform-specific; core knows nothing of Electron.
const NODE_BUILTIN = { regex: '^node:', message: 'Node built-ins are not available here.' };
const NATIVE = { regex: '^@procyon/collector|(^|/)native(/|$)', message: 'Only app/main may use the native collector.' };
const ELECTRON = { regex: '^electron$', message: 'Electron belongs in app/main/electron and app/preload.' };
const MAIN = { regex: '(^|/)main(/|$)', message: 'app/main is the privileged host: reach it through MonitorApi.' };
const PRELOAD = { regex: '(^|/)preload(/|$)', message: 'The preload is not importable.' };
const RENDERER = { regex: '(^|/)renderer(/|$)', message: 'The renderer is not importable from here.' };
const NODE_PACKAGES = { regex: '^(ws|prom-client|fs|path|os|child_process|http|net|crypto|events|url|util|stream)$', message: 'Node-only packages are not available here.' };

const CORE_TRANSPORT = { regex: '/(electron|server|cli)(/|$)', message: 'core is transport-free: no Electron, server or CLI.' };
const CORE_FS = { regex: '^(node:)?fs(/|$)', message: 'The core reads files only through the collector (@procyon/collector) and the settings store.' };
const CORE_FILE_OWNERS = ['app/main/core/settings.ts', 'app/main/core/file-lock.ts', 'app/main/core/regular-file.ts', 'app/main/core/**/*.test.ts', 'app/main/core/**/*.test-util.ts', 'app/main/core/**/*.test-child.ts'];

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// typescript-eslint's form of the rule, which can let `import type` through: the
// contract reuses the collector's record types, erased at build, so none of the
// collector's code reaches the renderer or the preload through it.
const restrictValues = (...patterns) => ({ 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
const TYPES_ONLY = (pattern) => ({ ...pattern, allowTypeImports: true });

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', 'node_modules/**', '.tsbuild/**', 'native/build/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['bin/**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['app/shared/**'], rules: restrictValues(NODE_BUILTIN, NODE_PACKAGES, TYPES_ONLY(NATIVE), ELECTRON, MAIN, PRELOAD, RENDERER, { regex: '^react', message: 'The contract is UI-free.' }) },
  { files: ['app/renderer/**'], languageOptions: { globals: { ...globals.browser } }, rules: restrict(NODE_BUILTIN, NODE_PACKAGES, NATIVE, ELECTRON, MAIN, PRELOAD) },
  { files: ['app/renderer/**/*.tsx'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['app/preload/**'], languageOptions: { globals: { ...globals.browser } }, rules: restrict(NODE_BUILTIN, NODE_PACKAGES, NATIVE, MAIN, RENDERER) },
  { files: ['app/main/core/**'], rules: restrict(ELECTRON, CORE_TRANSPORT, RENDERER, PRELOAD, CORE_FS) },
  // The settings store (and its lock and reader) is the one part of the core that owns files; tests make their own.
  { files: CORE_FILE_OWNERS, rules: restrict(ELECTRON, CORE_TRANSPORT, RENDERER, PRELOAD) },
  { files: ['app/main/server/**', 'app/main/cli/**'], rules: restrict(ELECTRON, { regex: '/electron(/|$)', message: 'serve mode and the CLI run without Electron.' }, RENDERER, PRELOAD) },
  { files: ['native/lib/**'], rules: restrict({ regex: '(^|/)app(/|$)', message: 'The collector does not know the app.' }, ELECTRON) },
);
