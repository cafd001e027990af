// @ts-check
import js from '@eslint/js'
import tanstackQuery from '@tanstack/eslint-plugin-query'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Features import shared code, never each other; the SPA never imports the server.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src', from: './server', message: 'The SPA talks to the server only over HTTP (src/api).' },
            { target: './contract', from: './server' },
            { target: './contract', from: './src' },
            { target: './server', from: './src' },
            { target: './src/features/instances', from: './src/features', except: ['./instances'] },
            { target: './src/features/repositories', from: './src/features', except: ['./repositories'] },
            { target: './src/features/tags', from: './src/features', except: ['./tags'] },
            { target: './src/features/scans', from: './src/features', except: ['./scans'] },
            { target: './src/features/scan-rules', from: './src/features', except: ['./scan-rules'] },
            { target: './src/features/auth', from: './src/features', except: ['./auth'] },
            { target: './src/features/admin', from: './src/features', except: ['./admin'] },
            { target: './src/features/audit', from: './src/features', except: ['./audit'] },
            { target: './src/features/exceptions', from: './src/features', except: ['./exceptions'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Only src/api knows URLs and talks HTTP.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the typed client in src/api.' }],
    },
  },
  { files: ['src/api/**'], rules: { 'no-restricted-globals': 'off' } },
  ...tanstackQuery.configs['flat/recommended-strict'],
  {
    // The environment is parsed once, in server/env.ts; everything else receives config.
    files: ['server/**/*.ts', 'src/**/*.{ts,tsx}', 'contract/**/*.ts'],
    ignores: ['server/env.ts', '**/*.test.ts', '**/*.api.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from server/env.ts.' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
)
