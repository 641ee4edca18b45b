import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../cli/api-client.ts';
import { ApiError, ApiUnreachableError, UnexpectedResponseError } from '../../cli/api-errors.ts';
import type { CommonOptions } from '../../cli/command-args.ts';
import { parseCheckArgs } from '../../cli/commands/check.ts';
import { parseFigureSetArgs } from '../../cli/commands/figure-set.ts';
import { commands } from '../../cli/commands/index.ts';
import { parseReportAddArgs } from '../../cli/commands/report-add.ts';
import { parseStateArgs } from '../../cli/commands/state.ts';
import { parseStatusArgs, statusCommand } from '../../cli/commands/status.ts';
import { parseTokenArgs, tokenCommand } from '../../cli/commands/token.ts';
import { parseWatchAddArgs } from '../../cli/commands/watch-add.ts';
import { parseWatchIdArgs } from '../../cli/commands/watch-id-args.ts';
import { resolveToken } from '../../cli/connect.ts';
import { errorLine } from '../../cli/format-error.ts';
import { formatTable } from '../../cli/format-table.ts';
import { selectCommand } from '../../cli/select-command.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { openLocalIdentity } from '../../local/local-identity.ts';
import { runCli } from './run-cli.ts';

/** The CLI's own side, with no API: argument parsing, dispatch, tokens, formatting. */

describe('choosing the command', () => {
  const kindOf = (argv: string[]) => selectCommand(commands, argv).kind;

  it.each([
    [[], 'usage-error'],
    [['--help'], 'help'],
    [['help'], 'help'],
    [['bogus'], 'usage-error'],
    [['watch'], 'usage-error'],
    [['watch', 'bogus'], 'usage-error'],
    [['watch', '--help'], 'help'],
    [['watch', 'add', '--email', 'a@b.org', '--help'], 'help'],
    [['status', '--as-of', '2019-12-16'], 'run'],
    [['watch', 'rm', 'id-1'], 'run'],
  ])('%j is %s', (argv, kind) => {
    expect(kindOf(argv)).toBe(kind);
  });

  it('gives each command its usage, with the common options for those that use the API', () => {
    const help = (argv: string[]) => {
      const selection = selectCommand(commands, argv);
      return selection.kind === 'help' ? selection.text : '';
    };

    expect(help(['state', '--help'])).toMatch(/^usage: sanctions-watch state <code>[\s\S]*--api URL[\s\S]*--json/);
    expect(help(['token', '-h'])).toMatch(/^usage: sanctions-watch token <user>/);
    expect(help(['token', '-h'])).not.toContain('--api');
    expect(help(['watch', '--help'])).toContain('usage: sanctions-watch watch <add|list|rm|test> ...');
  });
});

describe('parsing arguments', () => {
  it.each([
    ['status', () => parseStatusArgs(['extra']), /expected no arguments, got "extra"/],
    ['status', () => parseStatusArgs(['--as-of', '16-12-2019']), /--as-of must be a date in the form YYYY-MM-DD/],
    ['status', () => parseStatusArgs(['--gruop', 'africa']), /Unknown option '--gruop'/],
    ['status', () => parseStatusArgs(['--group']), /argument missing/],
    ['state', () => parseStateArgs([]), /expected <code>, got none/],
    [
      'watch add',
      () => parseWatchAddArgs(['--email', 'a@b.org', '--sms', '+447700900123', '--all', '--events', 'all']),
      /exactly one of --email and --sms/,
    ],
    ['watch add', () => parseWatchAddArgs(['--all', '--events', 'all']), /exactly one of --email and --sms/],
    ['watch add', () => parseWatchAddArgs(['--email', 'a@b.org', '--events', 'all']), /--states, --groups or --all/],
    ['watch add', () => parseWatchAddArgs(['--email', 'a@b.org', '--all']), /--events is required/],
    [
      'watch add',
      () => parseWatchAddArgs(['--email', 'a@b.org', '--states', 'RU,,CN', '--events', 'all']),
      /no empty entries/,
    ],
    [
      'watch add',
      () => parseWatchAddArgs(['--email', 'a@b.org', '--all', '--events', 'all', '--min-change-pct', 'ten']),
      /--min-change-pct must be a number/,
    ],
    [
      'watch add',
      () => parseWatchAddArgs(['--email', 'a@b.org', '--all', '--events', 'all', '--digest-hour', '7.5']),
      /--digest-hour must be a whole number/,
    ],
    ['watch rm', () => parseWatchIdArgs(['a', 'b']), /expected <id>, got "a" "b"/],
    ['report add', () => parseReportAddArgs(['RU', '--date', '2019-03-20']), /--obligation is required/],
    ['report add', () => parseReportAddArgs(['RU', '--obligation', '2397-p8-midterm']), /--date is required/],
    [
      'report add',
      () => parseReportAddArgs(['RU', '--obligation', '2397-p8-midterm', '--date', '20 March 2019']),
      /--date must be a date/,
    ],
    [
      'figure set',
      () => parseFigureSetArgs(['RU', '--value', '1', '--as-of', '2018-12-31', '--source-kind', 'press']),
      /expected <code> <metric>, got "RU"/,
    ],
    [
      'figure set',
      () =>
        parseFigureSetArgs([
          'RU',
          'm',
          '--value',
          '1',
          '--low',
          '0',
          '--high',
          '2',
          '--as-of',
          '2018-12-31',
          '--source-kind',
          'press',
        ]),
      /not both/,
    ],
    [
      'figure set',
      () => parseFigureSetArgs(['RU', 'm', '--low', '0', '--as-of', '2018-12-31', '--source-kind', 'press']),
      /both --low N and --high N/,
    ],
    [
      'figure set',
      () => parseFigureSetArgs(['RU', 'm', '--value', 'many', '--as-of', '2018-12-31', '--source-kind', 'press']),
      /--value must be a number/,
    ],
    [
      'figure set',
      () => parseFigureSetArgs(['RU', 'm', '--value', '1', '--source-kind', 'press']),
      /--as-of is required/,
    ],
    [
      'figure set',
      () => parseFigureSetArgs(['RU', 'm', '--value', '1', '--as-of', '2018-12-31']),
      /--source-kind is required/,
    ],
    ['check', () => parseCheckArgs(['--at', 'tomorrow']), /--at must be a day/],
    ['token', () => parseTokenArgs(['alice', '--ttl', '1h']), /--ttl must be a whole number/],
  ])('%s refuses bad arguments with a usage error', (_command, parse, message) => {
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('builds the API bodies from flags, leaving out what was not given', () => {
    expect(
      parseWatchAddArgs([
        '--sms',
        '+447700900123',
        '--states',
        'RU,cn',
        '--states',
        'KP',
        '--events',
        'all',
        '--min-change-pct',
        '10',
        '--json',
      ]),
    ).toEqual({
      common: { api: undefined, token: undefined, json: true },
      options: expect.objectContaining({
        target: { states: ['RU', 'cn', 'KP'], groups: undefined },
        events: ['deadline.approaching', 'report.overdue', 'deadline.passed', 'report.received', 'figure.changed'],
        minChangePct: 10,
        channel: { sms: '+447700900123' },
        delivery: undefined,
      }),
    });
    expect(
      parseWatchAddArgs(['--email', 'a@b.org', '--all', '--events', 'report.overdue', '--digest', '--resolved'])
        .options,
    ).toMatchObject({
      target: { all: true },
      delivery: { mode: 'digest', digestHourUtc: undefined, resolved: true },
    });
    expect(
      JSON.parse(
        JSON.stringify(
          parseReportAddArgs(['CN', '--obligation', '2397-p8-midterm', '--date', '2019-04-01', '--not-public']).options,
        ),
      ),
    ).toEqual({
      code: 'CN',
      report: { obligationId: '2397-p8-midterm', reportDate: '2019-04-01', public: false },
    });
    expect(
      JSON.parse(
        JSON.stringify(
          parseFigureSetArgs([
            'CN',
            'workers.remaining',
            '--low',
            '50000',
            '--high',
            '80000',
            '--as-of',
            '2017-12-31',
            '--source-kind',
            'estimate',
          ]).options,
        ),
      ),
    ).toEqual({
      code: 'CN',
      metric: 'workers.remaining',
      figure: { low: 50_000, high: 80_000, asOf: '2017-12-31', source: { kind: 'estimate' } },
    });
    expect(parseCheckArgs(['--at', '2019-03-23']).options).toEqual({ at: '2019-03-23T06:00:00Z' });
    expect(parseCheckArgs([]).options).toEqual({ at: undefined });
  });
});

describe('the token sent', () => {
  const common = (fields: Partial<CommonOptions> = {}): CommonOptions => ({
    api: undefined,
    token: undefined,
    json: false,
    ...fields,
  });
  const issued: { user: string; admin: boolean }[] = [];
  const issue = async (user: string, options: { readonly admin: boolean }) => {
    issued.push({ user, admin: options.admin });
    return `local-${user}-${options.admin ? 'admin' : 'user'}`;
  };

  it("is issued from the local identity against the local API: a user's for user commands, an admin's for admin commands", async () => {
    expect(await resolveToken('user', common(), {}, issue)).toBe('local-cli-user');
    expect(await resolveToken('admin', common({ api: 'http://localhost:8080' }), {}, issue)).toBe('local-cli-admin');
    expect(await resolveToken('public', common(), {}, issue)).toBeUndefined();
    expect(issued).toEqual([
      { user: 'cli', admin: false },
      { user: 'cli', admin: true },
    ]);
  });

  it('is the one given, by flag first, then by SANCTIONS_WATCH_TOKEN', async () => {
    expect(await resolveToken('admin', common({ token: 'flag' }), { SANCTIONS_WATCH_TOKEN: 'env' }, issue)).toBe(
      'flag',
    );
    expect(
      await resolveToken(
        'user',
        common(),
        { SANCTIONS_WATCH_TOKEN: 'env', SANCTIONS_WATCH_API: 'https://api.example.org' },
        issue,
      ),
    ).toBe('env');
  });

  it('must be given for a deployed API, which the CLI cannot issue tokens for', async () => {
    await expect(
      resolveToken('user', common({ api: 'https://abc.execute-api.eu-west-1.amazonaws.com' }), {}, issue),
    ).rejects.toThrow(/needs a token for https:\/\/abc\.execute-api.* --token JWT or set SANCTIONS_WATCH_TOKEN/);
    await expect(resolveToken('admin', common(), { SANCTIONS_WATCH_API: 'ftp://example.org' }, issue)).rejects.toThrow(
      /--api must be an http\(s\) URL/,
    );
  });

  const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-cli-token-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('`token` prints one that the local identity verifies, as npm run token does', async () => {
    const { lines } = await tokenCommand(parseTokenArgs(['alice', '--admin', '--identity-dir', directory]).options);

    expect(lines).toHaveLength(1);
    const claims = await (await openLocalIdentity(directory)).verify(lines[0] ?? '');
    expect(claims).toMatchObject({ username: 'alice', 'cognito:groups': '[admins]' });
  });
});

describe('the API client', () => {
  it('keeps a base path such as a stage, sends the token and the query, and reads JSON', async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    const client = createApiClient({
      baseUrl: 'https://api.example.org/prod/',
      token: 'jwt',
      fetch: async (input, init) => {
        seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        return new Response('{"ok": true}');
      },
    });

    expect(await client.request('GET', '/status', { query: { asOf: '2019-12-16', group: undefined } })).toEqual({
      ok: true,
    });
    expect(seen).toEqual([{ url: 'https://api.example.org/prod/status?asOf=2019-12-16', authorization: 'Bearer jwt' }]);
  });

  it('turns error bodies, foreign answers and no answer into the errors the CLI prints', async () => {
    const answering = (response: () => Response) =>
      createApiClient({ baseUrl: 'https://api.example.org', fetch: async () => response() });

    await expect(
      answering(
        () =>
          new Response('{"error": {"code": "conflict", "message": "Recorded before", "field": "obligationId"}}', {
            status: 409,
          }),
      ).request('POST', '/x'),
    ).rejects.toMatchObject({ status: 409, code: 'conflict', field: 'obligationId', message: 'Recorded before' });
    await expect(
      answering(() => new Response('<html>\nBad gateway', { status: 502 })).request('GET', '/x'),
    ).rejects.toMatchObject({ status: 502, message: '<html>' });
    await expect(answering(() => new Response('<html>', { status: 200 })).request('GET', '/x')).rejects.toThrow(
      UnexpectedResponseError,
    );
    await expect(
      statusCommand(
        {},
        answering(() => new Response('{"asOf": "2019-12-16", "obligations": "none"}')),
      ),
    ).rejects.toThrow('the answer to GET /status is not what this CLI expects at "obligations"');
    const down = createApiClient({
      baseUrl: 'https://api.example.org',
      fetch: () =>
        Promise.reject(
          new TypeError('fetch failed', {
            cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
          }),
        ),
    });
    await expect(down.request('GET', '/status')).rejects.toMatchObject({
      name: 'ApiUnreachableError',
      url: 'https://api.example.org',
      message: 'ENOTFOUND',
    });
  });
});

describe('printing', () => {
  it('aligns columns, numbers to the right, with no trailing spaces', () => {
    expect(
      formatTable(
        ['CODE', 'STATE', 'DAYS'],
        [
          ['NG', 'Nigeria', '269'],
          ['BY', 'Belarus', '7'],
        ],
        { alignRight: [2] },
      ),
    ).toEqual(['CODE  STATE    DAYS', 'NG    Nigeria   269', 'BY    Belarus     7']);
  });

  it('shows each failure as one line', () => {
    expect(errorLine(new ApiError(400, 'Field "events.2" repeats entry 0', { field: 'events.2' }))).toBe(
      'error: field "events.2": repeats entry 0 (400)',
    );
    expect(errorLine(new ApiError(409, 'Already recorded', { field: 'obligationId' }))).toBe(
      'error: Already recorded (409)',
    );
    expect(errorLine(new ApiUnreachableError('https://api.example.org', 'ENOTFOUND'))).toBe(
      'error: cannot reach the API at https://api.example.org (ENOTFOUND); check the URL given with --api or SANCTIONS_WATCH_API',
    );
    expect(errorLine(new Error('first\nsecond'))).toBe('error: first');
  });
});

describe('bin/cli.ts on a bad command line (child process)', () => {
  it('exits with 2, the mistake and the usage on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['watch', 'add', '--email', 'ana@example.org', '--events', 'all']);

    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      /^error: name what to watch: --states, --groups or --all\nusage: sanctions-watch watch add /,
    );
  });

  it('exits with 2 for a token-needing command against a deployed API without a token', async () => {
    const { code, stderr } = await runCli(['check', '--api', 'https://api.example.org']);

    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^error: this command needs an admin's token for https:\/\/api\.example\.org: pass --token JWT/,
    );
  });

  it('prints usage on stdout with exit code 0 for --help', async () => {
    const { code, stdout, stderr } = await runCli(['figure', 'set', '--help']);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^usage: sanctions-watch figure set <code> <metric>/);
  });
});
