// Lint rules: typescript-eslint's recommended set, plus the layering rule of STYLE.md
// (core is pure: no node:* imports, no console) enforced where the linter can see it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'samples/out/**', 'bench/.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*'], message: 'core is pure: take data, not files, processes or clocks' },
        { regex: '^(\\.\\./)+(io|cli|pipeline)(/|$)', message: 'core imports only core (STYLE.md layers): cli -> pipeline -> io, core' },
      ] }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'core takes randomness as a parameter' },
        { object: 'Date', property: 'now', message: 'core takes time as a parameter' }],
    },
  },
);
