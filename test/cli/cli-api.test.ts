import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../cli/api-client.ts';
import { ApiError } from '../../cli/api-errors.ts';
import { checkCommand, parseCheckArgs } from '../../cli/commands/check.ts';
import { figureSetCommand, parseFigureSetArgs } from '../../cli/commands/figure-set.ts';
import { parseReportAddArgs, reportAddCommand } from '../../cli/commands/report-add.ts';
import { stateCommand } from '../../cli/commands/state.ts';
import { parseStatusArgs, statusCommand } from '../../cli/commands/status.ts';
import { parseWatchAddArgs, watchAddCommand } from '../../cli/commands/watch-add.ts';
import { watchListCommand } from '../../cli/commands/watch-list.ts';
import { watchRmCommand } from '../../cli/commands/watch-rm.ts';
import { watchTestCommand } from '../../cli/commands/watch-test.ts';
import { errorLine } from '../../cli/format-error.ts';
import { freePort } from '../../local/free-port.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { runCli } from './run-cli.ts';

/**
 * The CLI against the real API (its handlers over HTTP on DynamoDB Local). Commands are called
 * directly with a real fetch client; a few runs of bin/cli.ts as a child process prove what a
 * person sees: stdout, the one-line errors on stderr, and the exit codes.
 */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;
let tokens: { readonly admin: string; readonly user: string };
let admin: ApiClient;
let user: ApiClient;

beforeAll(async () => {
  api = await startSeededTestApi();
  tokens = { admin: api.tokens.admin, user: api.tokens.user };
  admin = createApiClient({ baseUrl: api.url, token: tokens.admin });
  user = createApiClient({ baseUrl: api.url, token: tokens.user });
  // Of the ten Eastern European states, only Russia has reported: the board below has 9 overdue.
  const recorded = await api.send('POST', '/states/RU/reports', {
    obligationId: '2397-p8-midterm',
    reportDate: '2019-03-20',
    symbol: 'S/AC.49/2019/24',
  });
  if (recorded.status !== 201) throw new Error(`could not record Russia's report: ${recorded.text}`);
});
afterAll(() => api.close());

/** What the command threw, as the CLI would print it. */
const failureOf = async (run: Promise<unknown>): Promise<string> => {
  const error: unknown = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return errorLine(error);
};

const board = ['--as-of', '2019-12-16', '--group', 'eastern-europe', '--obligation', '2397-p8-midterm'];

describe('status', () => {
  it('prints the board as aligned tables: the counts, then the overdue states longest first', async () => {
    const { lines } = await statusCommand(parseStatusArgs(board).options, admin);

    expect(lines.slice(0, 8)).toEqual([
      'Status as of 2019-12-16, group eastern-europe',
      '',
      'OBLIGATION       KIND    DUE         SUBMITTED  OVERDUE',
      '2397-p8-midterm  report  2019-03-22          1        9',
      '',
      'Overdue: 2397-p8-midterm, Midterm report on repatriated DPRK workers (9 states)',
      'CODE  STATE     DAYS OVERDUE',
      'BY    Belarus            269',
    ]);
    expect(lines).toHaveLength(16);
    expect(lines.join('\n')).not.toContain('RU ');
  });

  it('with --json, prints exactly what the API answered (bin/cli.ts as a child process)', async () => {
    const { code, stdout, stderr } = await runCli(['status', ...board, '--json', '--api', api.url]);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const query = '?asOf=2019-12-16&group=eastern-europe&obligation=2397-p8-midterm';
    expect(JSON.parse(stdout)).toEqual((await api.request(`/status${query}`)).json);
  });

  it('shows an error of the API as one line naming the query parameter', async () => {
    expect(await failureOf(statusCommand({ asOf: '2019-13-01' }, admin))).toBe(
      'error: query parameter "asOf": must be a calendar date in the form YYYY-MM-DD (400)',
    );
    expect(await failureOf(statusCommand({ group: 'atlantis' }, admin))).toBe(
      'error: No group "atlantis"; GET /groups lists them (404)',
    );
  });
});

describe('report add, figure set, state', () => {
  it('records a report, and refuses to record it twice', async () => {
    const parsed = parseReportAddArgs([
      'gq',
      '--obligation',
      '2397-p8-midterm',
      '--date',
      '2019-03-18',
      '--symbol',
      'S/AC.49/2019/9',
      '--not-public',
    ]);

    expect((await reportAddCommand(parsed.options, admin)).lines).toEqual([
      "Recorded GQ's report S/AC.49/2019/9 on 2397-p8-midterm, dated 2019-03-18, not public.",
    ]);
    expect(await failureOf(reportAddCommand(parsed.options, admin))).toMatch(/^error: .* \(409\)$/);
  });

  it('records figures, says whether each is now the latest, and shows them with the state', async () => {
    const figure = (args: string[]) =>
      figureSetCommand(
        parseFigureSetArgs(['RU', 'work-permits.valid', '--source-kind', 'un-report', ...args]).options,
        admin,
      );

    expect(
      (await figure(['--value', '11490', '--as-of', '2018-12-31', '--source-ref', 'Russia midterm report'])).lines,
    ).toEqual([
      'Recorded RU work-permits.valid = 11,490 permits as of 2018-12-31 (un-report: Russia midterm report).',
      'It is now the latest figure.',
    ]);
    expect((await figure(['--low', '30000', '--high', '31000', '--as-of', '2017-12-31'])).lines).toEqual([
      'Recorded RU work-permits.valid = 30,000–31,000 permits as of 2017-12-31 (un-report).',
      'A later figure was recorded before; that one stays the latest.',
    ]);

    const { lines } = await stateCommand({ code: 'rus', asOf: '2019-12-16' }, user);
    expect(lines.slice(0, 4)).toEqual([
      'Russia (RU, RUS), as of 2019-12-16',
      'groups  europe, eastern-europe, eastern-european-group',
      '',
      'OBLIGATION                  KIND    DUE         STATUS      DETAIL                REPORTS',
    ]);
    expect(lines).toContain(
      '2397-p8-midterm             report  2019-03-22  submitted   submitted 2019-03-20  S/AC.49/2019/24',
    );
    expect(lines.slice(-2)).toEqual([
      'METRIC              AMOUNT  UNIT     AS OF       SOURCE',
      'work-permits.valid  11,490  permits  2018-12-31  un-report: Russia midterm report',
    ]);
  });

  it('records a worldwide figure with "world" for the code, and shows the worldwide figures', async () => {
    const recorded = await figureSetCommand(
      parseFigureSetArgs([
        'world',
        'workers.repatriated',
        '--value',
        '23245',
        '--as-of',
        '2019-12-01',
        '--source-kind',
        'un-report',
      ]).options,
      admin,
    );
    const { lines } = await stateCommand({ code: 'WORLD' }, user);

    expect(recorded.lines[0]).toBe('Recorded world workers.repatriated = 23,245 persons as of 2019-12-01 (un-report).');
    expect(lines).toEqual([
      'Worldwide figures, which no state reports',
      '',
      'METRIC               AMOUNT  UNIT     AS OF       SOURCE',
      'workers.repatriated  23,245  persons  2019-12-01  un-report',
    ]);
  });

  it("needs an admin: a user token is refused with the API's 403 in one line", async () => {
    const parsed = parseReportAddArgs(['NG', '--obligation', '2397-p8-midterm', '--date', '2019-03-18']);

    expect(await failureOf(reportAddCommand(parsed.options, user))).toBe(
      'error: This route needs an admin (a member of the admins group); uma-user is not one (403)',
    );
  });

  it('says a state the API does not know in one line, through the child process, exit code 1', async () => {
    const { code, stdout, stderr } = await runCli(['state', 'XX', '--api', api.url]);

    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: "XX" is not the code of a UN member state (404)\n',
    });
  });
});

describe('watch', () => {
  const add = (args: string[]) => watchAddCommand(parseWatchAddArgs(args).options, user);

  it('adds, lists and removes a watch', async () => {
    const added = await add([
      '--email',
      'ana@example.org',
      '--groups',
      'africa',
      '--events',
      'report.overdue,report.received',
      '--name',
      'Africa',
      '--digest-hour',
      '7',
    ]);
    const id = /^watch\s+(\S+)$/.exec(added.lines[0] ?? '')?.[1] ?? '';

    expect(added.lines.slice(1, 7)).toEqual([
      'name        Africa',
      'status      pending-confirmation',
      'target      groups africa',
      'events      report.overdue, report.received',
      'channel     email ana@example.org',
      'delivery    digest at 07:00 UTC',
    ]);
    expect(added.lines.at(-1)).toBe('next        Open the link in the confirmation mail sent to the address');
    const listed = await watchListCommand({}, user);
    expect(listed.lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+CHANNEL\s+TARGET\s+EVENTS\s+DELIVERY$/);
    expect(listed.lines.find((line) => line.startsWith(id))).toMatch(
      /Africa\s+pending-confirmation\s+email ana@example.org\s+groups africa\s+report.overdue,report.received\s+digest at 07:00 UTC$/,
    );

    expect(await watchRmCommand({ id }, user)).toEqual({ lines: [`Deleted watch ${id}.`], json: { deleted: id } });
    expect((await watchListCommand({}, user)).lines.join('\n')).not.toContain(id);
    expect(await failureOf(watchRmCommand({ id }, user))).toMatch(/^error: .* \(404\)$/);
  });

  it('sends a test only once the address is confirmed', async () => {
    const added = await add(['--email', 'tess@example.org', '--states', 'RU', '--events', 'all']);
    const id = (added.json as { id: string }).id;
    expect(await failureOf(watchTestCommand({ id }, user))).toBe(
      'error: The watch is pending-confirmation; a test can be sent once its address is confirmed (409)',
    );

    expect((await confirmByMail(api.outboxFile, 'tess@example.org')).status).toBe(200);

    expect((await watchTestCommand({ id }, user)).lines[0]).toMatch(
      /^Test message to email:tess@example.org: sent \(message \S+\)\.$/,
    );
  });

  it('shows a bad email address as one line on stderr with exit code 1 (child process)', async () => {
    const { code, stdout, stderr } = await runCli([
      'watch',
      'add',
      '--email',
      'not-an-email',
      '--groups',
      'africa',
      '--events',
      'report.overdue',
      '--api',
      api.url,
      '--token',
      tokens.user,
    ]);

    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: field "channel.email": must be an email address such as ana@example.org (400)\n',
    });
  });

  it('tells a refused token apart, with what to do (child process)', async () => {
    const { code, stderr } = await runCli(['watch', 'list', '--api', api.url, '--token', 'not-a-token']);

    expect(code).toBe(1);
    expect(stderr).toBe('error: Unauthorized; pass a valid token with --token or SANCTIONS_WATCH_TOKEN (401)\n');
  });
});

describe('check', () => {
  it('runs the deadline check as of 06:00 UTC on the day given, and emits nothing on a re-run (child process, admin token)', async () => {
    const first = await runCli(['check', '--at', '2019-03-23', '--api', api.url, '--token', tokens.admin]);

    // 193 states less Russia and Equatorial Guinea, whose midterm reports are recorded above.
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout.split('\n')).toEqual([
      'Deadline check as of 2019-03-23T06:00:00.000Z: 191 new alert events, 0 already stored.',
      '',
      'EVENT           OBLIGATION       STATES  CODES',
      'report.overdue  2397-p8-midterm     191  AD,AE,AF,AG,AL,AM,AO,AR,AT,AU,AZ,BA and 179 more',
      '',
    ]);
    expect((await checkCommand(parseCheckArgs(['--at', '2019-03-23T06:00:00Z']).options, admin)).lines).toEqual([
      'Deadline check as of 2019-03-23T06:00:00.000Z: 0 new alert events, 0 already stored.',
    ]);
  });
});

describe('an API that cannot be reached', () => {
  it('is one line naming the URL, exit code 1', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const { code, stdout, stderr } = await runCli(['status', '--api', url]);

    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`error: cannot reach the API at ${url} (ECONNREFUSED); is it running? npm start starts it\n`);
  });
});
