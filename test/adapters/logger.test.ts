import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonLogger } from '../../lambdas/adapters/logger.ts';
import { captureStdoutLines } from '../support/stdout-lines.ts';

afterEach(() => vi.restoreAllMocks());

describe('the JSON-lines logger', () => {
  it('writes one JSON object per line with level, message, time, service, request keys and attributes', () => {
    const lines = captureStdoutLines();
    const logger = new JsonLogger('sanctions-watch', 'INFO');
    logger.setRequestKeys({ requestId: 'r-1' });

    logger.info('state read', { state: 'RU' });

    expect(lines).toEqual([
      {
        level: 'INFO',
        message: 'state read',
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        service: 'sanctions-watch',
        requestId: 'r-1',
        state: 'RU',
      },
    ]);
  });

  it('drops lines below its level and stays silent when told to', () => {
    const lines = captureStdoutLines();
    new JsonLogger('s', 'warn').info('hidden');
    new JsonLogger('s', 'SILENT').error('hidden too');
    new JsonLogger('s', 'WARN').warn('shown');
    new JsonLogger('s', 'nonsense').debug('hidden: unknown levels mean INFO');

    expect(lines.map((line) => line.message)).toEqual(['shown']);
  });

  it("keeps an error's name, message, stack and cause", () => {
    const lines = captureStdoutLines();
    const error = new Error('table gone', { cause: new Error('ResourceNotFound') });

    new JsonLogger('s', 'INFO').error('request failed', { error });

    expect(lines[0]?.error).toMatchObject({
      name: 'Error',
      message: 'table gone',
      stack: expect.stringContaining('table gone'),
      cause: { message: 'ResourceNotFound' },
    });
  });
});
