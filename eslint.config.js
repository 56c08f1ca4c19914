// Lint configuration (ESLint flat config with typescript-eslint). Formatting is not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.cache/**', 'data/**', 'node_modules/**', 'hub/console/dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A handler declared before the server it serves is assigned once, but read before that.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md: no default exports).' },
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'Focused tests must not be committed.',
        },
      ],
    },
  },
  {
    // The hub and the agent never import each other; schema/ imports neither (also checked by a test).
    files: ['hub/**/*.ts'],
    // Regexes on the import path, because schema/agent/ is shared and allowed while agent/src/ is not.
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)agent/src/' }] }] },
  },
  {
    // The web console runs in browsers and speaks only the public API: no hub or agent code, no Node modules.
    files: ['hub/console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(hub|agent)/src/' }, { regex: '^node:' }, { regex: '(^|/)schema/' }] },
      ],
    },
  },
  {
    files: ['agent/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)hub/src/' }] }] },
  },
  {
    files: ['schema/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)(hub|agent)/src/' }] }] },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['vitest.config.ts', 'eslint.config.js', 'hub/console/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
