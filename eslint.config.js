import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint/import-boundaries.js';

/*
 * The layers' boundaries (docs/architecture.md draws them; test/lint/boundaries.test.ts proves
 * each one fires). Where several blocks match a file, ESLint takes a rule's options from the last:
 * the blocks go from the widest area to the narrowest, and a narrow one repeats what still holds
 * (the core's repeats lambdas/'s).
 */

/** Lambda code runs in AWS: it never reaches into the local runtime, the tests, the tools or the stack. */
const lambdasStayInside = {
  paths: ['local', 'test', 'bench', 'cli', 'bin', 'lib', 'scripts'],
  message: 'lambdas/ is what runs in AWS: it may not import local/, test/, bench/, cli/, bin/, lib/ or scripts/.',
};

/**
 * zod's classic API carries all of zod into a bundle (about 450 KB minified: the source job's bundle
 * once grew by that); the functions use zod/mini, which the bundler can trim to what is used.
 */
const zodMiniOnly = {
  name: 'zod',
  message: "Lambda code imports zod/mini: the classic 'zod' entry brings all of zod into the bundle.",
};

/**
 * zod/mini's `catch` reaches zod's `util` namespace as an object, so the bundler keeps all of it
 * (8.9 KB in every route that had it; docs/cold-start.md, decision 15).
 */
const noZodCatch = {
  object: 'z',
  property: 'catch',
  message: "z.catch brings zod's whole util namespace into the bundle: parse with safeParse and fall back instead.",
};

/**
 * A dynamic import in a function's code is a side module's, made in one place; the bundler refuses
 * any other (lib/side-modules.ts), and this says so before a build.
 */
const sideModulesOnly = {
  selector: 'ImportExpression',
  message:
    'A function loads code later only from a side module (lib/side-modules.ts), through lambdas/adapters/calls-on-first-use.ts: in one bundle a dynamic import costs every cold start more than it saves.',
};

/** One composition root per runtime: only the handlers build from the AWS one. */
const awsRootForHandlers = {
  paths: ['lambdas/aws-dependencies.ts'],
  message:
    'lambdas/aws-dependencies.ts is the AWS composition root, for the handlers alone: the local runtime (local/local-dependencies.ts) and the tests (test/support/test-dependencies.ts) have their own.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { boundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['lambdas/**/*.ts'],
    rules: {
      'boundaries/imports': ['error', lambdasStayInside, awsRootForHandlers],
      'no-restricted-imports': ['error', { paths: [zodMiniOnly] }],
      'no-restricted-properties': ['error', noZodCatch],
      'no-restricted-syntax': ['error', sideModulesOnly],
    },
  },
  {
    files: ['lambdas/adapters/calls-on-first-use.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['lambdas/handlers/**/*.ts'],
    rules: { 'boundaries/imports': ['error', lambdasStayInside] },
  },
  {
    files: ['local/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'cli/**/*.ts', 'bin/**/*.ts'],
    rules: { 'boundaries/imports': ['error', awsRootForHandlers] },
  },
  {
    // The stack reads what it shares with the functions from the contracts, and nothing else of theirs.
    files: ['lib/**/*.ts', 'bin/app.ts'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          paths: ['lambdas'],
          except: ['lambdas/contracts'],
          message:
            'lib/ (and bin/app.ts) may import from lambdas/ only lambdas/contracts: the stack must not load the functions’ code or their SDK clients.',
        },
      ],
    },
  },
  {
    // What every runtime shares is plain data and pure functions: importing nothing, it loads anywhere.
    files: ['lambdas/contracts/**/*.ts'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          paths: [''],
          except: ['lambdas/contracts'],
          packages: true,
          message: 'lambdas/contracts imports nothing outside itself, not even packages or Node built-ins.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Contracts name settings; the composition roots read them.' },
      ],
    },
  },
  {
    // The pure domain core must never reach for AWS or the wall clock.
    files: ['lambdas/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [zodMiniOnly],
          patterns: ['@aws-sdk/*', 'aws-lambda', 'aws-cdk-lib', '@middy/*', '**/adapters/**', '**/handlers/**'],
        },
      ],
      'boundaries/imports': [
        'error',
        lambdasStayInside,
        awsRootForHandlers,
        {
          paths: ['lambdas/contracts/environment.ts'],
          message: 'The core knows no environment: the composition roots read the settings and pass the values in.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core knows no process: take what it needs as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        sideModulesOnly,
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the time from the Clock passed in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take the time from the Clock passed in.',
        },
      ],
    },
  },
);
