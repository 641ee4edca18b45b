import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../lib/lambda-bundling.ts';

/** The project's ESLint, as `npm run lint` runs it, on a snippet said to live at `filePath`. */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
});

/** The rules that hold the boundaries; a snippet's other findings (an unused import, say) are not the point. */
const boundaryRules = new Set([
  'boundaries/imports',
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-syntax',
  'no-restricted-properties',
]);

const problems = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? [])
    .filter(({ ruleId, fatal }) => fatal === true || (ruleId !== null && boundaryRules.has(ruleId)))
    .map(({ ruleId, message }) => `${ruleId ?? 'parse'}: ${message}`);
};

const boundary = expect.stringMatching(/^boundaries\/imports: /);

describe('the layer boundaries the linter holds', () => {
  it.each([
    ['lib/constructs/example.ts', "import { logger } from '../../lambdas/adapters/logger.ts';"],
    ['lib/constructs/example.ts', "import type { Caller } from '../../lambdas/core/identity/caller.ts';"],
    ['lib/example.ts', "export { routes } from '../lambdas/handlers/http/http-handler.ts';"],
    ['bin/app.ts', "import { handler } from '../lambdas/handlers/http/list-states.ts';"],
  ])('keeps %s from importing lambdas/ beyond the contracts: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([boundary]);
  });

  it('lets lib/ and bin/app.ts import the contracts', async () => {
    expect(
      await problems('lib/constructs/example.ts', "import { routes } from '../../lambdas/contracts/routes.ts';"),
    ).toEqual([]);
    expect(await problems('bin/app.ts', "import { tableSchema } from '../lambdas/contracts/table-schema.ts';")).toEqual(
      [],
    );
  });

  it.each([
    "import { createHash } from 'node:crypto';",
    "import * as z from 'zod/mini';",
    "import { WORLD } from '../core/status/state-directory.ts';",
    "import type { Clock } from '../core/ports/clock.ts';",
  ])('keeps lambdas/contracts importing nothing outside itself: %s', async (code) => {
    expect(await problems('lambdas/contracts/example.ts', code)).toEqual([boundary]);
  });

  it('lets a contract import another, and read no environment', async () => {
    expect(await problems('lambdas/contracts/example.ts', "export { isWorld } from './world.ts';")).toEqual([]);
    expect(await problems('lambdas/contracts/example.ts', 'export const table = process.env.TABLE_NAME;')).toEqual([
      expect.stringMatching(/^no-restricted-globals: /),
    ]);
  });

  it.each([
    ['lambdas/handlers/http/example.ts', "import { startLocalRuntime } from '../../../local/runtime.ts';"],
    ['lambdas/adapters/example.ts', "import { createTestTable } from '../../test/support/test-table.ts';"],
    ['lambdas/core/example.ts', "import { renderTable } from '../../bench/results-table.ts';"],
    ['lambdas/aws-dependencies.ts', "import { formatTable } from './../cli/format-table.ts';"],
  ])('keeps %s from importing local/, test/, bench/ or cli/: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([boundary]);
  });

  it('does not mistake a folder inside lambdas/ for one at the top', async () => {
    expect(
      await problems('lambdas/handlers/http/example.ts', "import { logger } from '../../adapters/logger.ts';"),
    ).toEqual([]);
  });

  it('keeps the AWS composition root to the handlers', async () => {
    const code = "import * as aws from '../lambdas/aws-dependencies.ts';";
    expect(await problems('local/example.ts', code)).toEqual([boundary]);
    expect(await problems('test/example.ts', code)).toEqual([boundary]);
    expect(await problems('lambdas/adapters/example.ts', "import * as aws from '../aws-dependencies.ts';")).toEqual([
      boundary,
    ]);
    expect(await problems('lambdas/handlers/example.ts', "import * as aws from '../aws-dependencies.ts';")).toEqual([]);
  });

  it('keeps the core pure: no AWS, no environment, no process, no wall clock', async () => {
    const core = 'lambdas/core/example.ts';
    expect(await problems(core, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
    expect(await problems(core, "import { logger } from '../adapters/logger.ts';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
    expect(await problems(core, "import { TABLE_NAME_ENV } from '../contracts/environment.ts';")).toEqual([boundary]);
    expect(await problems(core, 'export const level = process.env.LOG_LEVEL;')).toEqual([
      expect.stringMatching(/^no-restricted-globals: /),
    ]);
    expect(await problems(core, 'export const now = () => new Date();')).toEqual([
      expect.stringMatching(/^no-restricted-syntax: /),
    ]);
    expect(await problems(core, "export { WORLD } from '../contracts/world.ts';")).toEqual([]);
  });

  it.each(['lambdas/core/example.ts', 'lambdas/adapters/example.ts', 'lambdas/handlers/example.ts'])(
    'keeps %s on zod/mini: the classic entry carries all of zod into the bundle',
    async (filePath) => {
      expect(await problems(filePath, "import { z } from 'zod';")).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*Lambda code imports zod\/mini/),
      ]);
      expect(await problems(filePath, "import * as z from 'zod/mini';")).toEqual([]);
    },
  );

  it.each(['lambdas/core/example.ts', 'lambdas/handlers/example.ts', 'lambdas/adapters/ses/example.ts'])(
    'keeps dynamic imports out of %s: a function loads code later only from a side module',
    async (filePath) => {
      expect(await problems(filePath, "export const later = () => import('./elsewhere.ts');")).toEqual([
        expect.stringMatching(/^no-restricted-syntax: .*side module/),
      ]);
    },
  );

  it('lets the one module that loads side modules import them', async () => {
    expect(
      await problems(
        'lambdas/adapters/calls-on-first-use.ts',
        "export const later = () => import('./sqs/sqs-calls.ts');",
      ),
    ).toEqual([]);
  });

  it.each(['lambdas/core/example.ts', 'lambdas/handlers/example.ts'])(
    "keeps z.catch out of %s: it carries zod's whole util namespace into the bundle",
    async (filePath) => {
      const imports = "import * as z from 'zod/mini';\n";
      expect(await problems(filePath, `${imports}export const s = z.catch(z.string(), '');`)).toEqual([
        expect.stringMatching(/^no-restricted-properties: .*util namespace/),
      ]);
      expect(await problems(filePath, `${imports}export const s = z.optional(z.string());`)).toEqual([]);
    },
  );
});
