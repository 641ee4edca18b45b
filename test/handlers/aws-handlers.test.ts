import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLIC_API_URL_ENV, TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';
import { routes } from '../../lambdas/contracts/routes.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import * as listObligations from '../../lambdas/handlers/http/list-obligations.ts';
import * as testWatch from '../../lambdas/handlers/http/test-watch.ts';
import { lazyHandler } from '../../lambdas/handlers/lazy-handler.ts';
import * as scheduledDeadlineCheck from '../../lambdas/handlers/scheduled-deadline-check.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { scheduledEvent } from '../../local/local-schedule.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

/**
 * The exported `handler`s, as Lambda runs them: built by the AWS composition root from the
 * environment the stack sets, here pointed at DynamoDB Local through the SDK's own endpoint
 * variable, on the first invocation.
 */
beforeAll(async () => {
  const table = await createTestTable();
  await seedReferenceData(testDependencies(table));
  vi.stubEnv(TABLE_NAME_ENV, table.tableName);
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', table.endpoint);
  vi.stubEnv('AWS_REGION', 'local');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
});
afterAll(() => vi.unstubAllEnvs());

const request = (method: string, path: string) => {
  const match = matchRoute(routes, method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  return apiGatewayEvent({ method, url: path, headers: {}, body: '', sourceIp: '127.0.0.1' }, match, new Date());
};

describe("the functions' AWS handlers", () => {
  it('answer from the table the environment names', async () => {
    const response = await listObligations.handler(
      request('GET', '/obligations'),
      localLambdaContext('list-obligations'),
    );

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ count: seedObligations.length });
  });

  it('run the scheduled deadline check against it', async () => {
    const outcome = await scheduledDeadlineCheck.handler(
      scheduledEvent(new Date('2019-03-23T06:00:00Z')),
      // The function's own 60 s timeout (lib/constructs/scheduled-deadline-check.ts), not the 10 s default.
      localLambdaContext('scheduled-deadline-check', 60_000),
    );

    expect(outcome).toMatchObject({ emitted: 193, alreadyStored: 0 });
  });

  it('fail their first invocation, naming the setting, when the stack left one out', async () => {
    vi.stubEnv(PUBLIC_API_URL_ENV, undefined);
    const response = testWatch.handler(request('POST', '/watches/w-1/test'), localLambdaContext('test-watch'));

    await expect(response).rejects.toThrow(new RegExp(`environment variable ${PUBLIC_API_URL_ENV} is not set`));
  });
});

describe('lazyHandler', () => {
  it('builds nothing until the first invocation, then builds once for every invocation after', async () => {
    const build = vi.fn(() => async (event: string) => `handled ${event}`);
    const handler = lazyHandler(build);

    expect(build).not.toHaveBeenCalled();
    expect(await handler('one', localLambdaContext('lazy'))).toBe('handled one');
    expect(await handler('two', localLambdaContext('lazy'))).toBe('handled two');
    expect(build).toHaveBeenCalledTimes(1);
  });
});
