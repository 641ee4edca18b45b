import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import {
  MAX_TARGETS,
  type WatchInput,
  watchInputSchema,
  watchPatchSchema,
} from '../../lambdas/core/watches/watch-schema.ts';

const valid = { target: { states: ['RU'] }, events: ['report.overdue'], channel: { email: 'ana@example.org' } };

/** Each issue as "path: message", the way the HTTP edge names the field at fault. */
const issues = (schema: z.ZodMiniType, body: unknown): string[] => {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const paths = (schema: z.ZodMiniType, body: unknown): string[] =>
  issues(schema, body).map((issue) => issue.split(':')[0] ?? '');

describe('watchInputSchema (POST /watches)', () => {
  it('accepts a full body, normalising state codes to alpha-2 and keeping everything else', () => {
    const body = {
      name: 'DPRK workers in Africa and Russia',
      target: { states: ['rus', 'cn'], groups: ['africa', 'african-group'] },
      events: ['report.overdue', 'figure.changed'],
      obligations: ['2397-p8-midterm'],
      metrics: ['workers.remaining', 'work-permits.valid'],
      minChangePct: 10,
      channel: { sms: '+447700900123' },
      delivery: { mode: 'digest', digestHourUtc: 6, repeatEveryDays: 7, resolved: true },
    };

    const parsed = watchInputSchema.parse(body);

    expect(parsed).toEqual({ ...body, target: { states: ['RU', 'CN'], groups: ['africa', 'african-group'] } });
  });

  it('defaults a delivery without a mode to immediate, as it defaults the other optional fields', () => {
    expect(watchInputSchema.parse({ ...valid, delivery: { repeatEveryDays: 7 } }).delivery).toEqual({
      mode: 'immediate',
      repeatEveryDays: 7,
      resolved: false,
    });
    expect(issues(watchInputSchema, { ...valid, delivery: { digestHourUtc: 6 } })).toEqual([
      'delivery.digestHourUtc: is only allowed with mode "digest"',
    ]);
  });

  it('defaults delivery to immediate, without resolution notices, and fits the Watch type', () => {
    const parsed: WatchInput = watchInputSchema.parse(valid);
    const fields: Pick<Watch, 'target' | 'events' | 'channel' | 'delivery'> = parsed;

    expect(fields.delivery).toEqual({ mode: 'immediate', resolved: false });
  });

  it('a target naming nothing is an error on `target`; all: true alone is enough', () => {
    expect(issues(watchInputSchema, { ...valid, target: {} })).toEqual([
      'target: must name states, groups or all: true',
    ]);
    expect(paths(watchInputSchema, { ...valid, target: { all: false } })).toEqual(['target.all']);
    expect(watchInputSchema.parse({ ...valid, target: { all: true } }).target).toEqual({ all: true });
  });

  it('names the state code at fault: observers, unknown and malformed codes', () => {
    expect(issues(watchInputSchema, { ...valid, target: { states: ['RU', 'VA'] } })).toEqual([
      "target.states.1: must be a UN member state's code: Holy See (VA) is a UN observer state, not a member state",
    ]);
    expect(paths(watchInputSchema, { ...valid, target: { states: ['PSE', 'XX', 'R1'] } })).toEqual([
      'target.states.0',
      'target.states.1',
      'target.states.2',
    ]);
  });

  it('lists are sets: a repeat is reported where it repeats, alpha-3 spellings included', () => {
    expect(
      issues(watchInputSchema, { ...valid, events: ['report.overdue', 'figure.changed', 'report.overdue'] }),
    ).toEqual(['events.2: repeats entry 0']);
    expect(paths(watchInputSchema, { ...valid, target: { states: ['RU', 'RUS'] } })).toEqual(['target.states.1']);
    expect(
      paths(watchInputSchema, { ...valid, target: { groups: ['africa', 'africa'] }, metrics: ['a.b', 'a.b'] }),
    ).toEqual(['target.groups.1', 'metrics.1']);
  });

  it('events must be some of the five types, at least one', () => {
    expect(paths(watchInputSchema, { ...valid, events: [] })).toEqual(['events']);
    expect(paths(watchInputSchema, { ...valid, events: ['report.late'] })).toEqual(['events.0']);
    expect(paths(watchInputSchema, { target: valid.target, channel: valid.channel })).toEqual(['events']);
  });

  it('refuses unknown fields at every level', () => {
    expect(paths(watchInputSchema, { ...valid, status: 'active' })).toEqual(['']);
    expect(paths(watchInputSchema, { ...valid, target: { states: ['RU'], regions: ['africa'] } })).toEqual(['target']);
    expect(paths(watchInputSchema, { ...valid, delivery: { mode: 'immediate', when: 'now' } })).toEqual(['delivery']);
  });

  it('checks group, obligation and metric ids for shape only', () => {
    expect(
      paths(watchInputSchema, {
        ...valid,
        target: { groups: ['Africa'] },
        obligations: ['2397 midterm'],
        metrics: ['Workers'],
      }),
    ).toEqual(['target.groups.0', 'obligations.0', 'metrics.0']);
    expect(
      watchInputSchema.safeParse({
        ...valid,
        target: { groups: ['no-such-group'] },
        obligations: ['no-such-obligation'],
      }).success,
    ).toBe(true);
  });

  it(`caps targets at ${MAX_TARGETS} states and groups together (one transaction holds them), 50 groups`, () => {
    const codes = memberStates().map((state) => state.alpha2);
    expect(watchInputSchema.safeParse({ ...valid, target: { states: codes.slice(0, MAX_TARGETS) } }).success).toBe(
      true,
    );
    expect(paths(watchInputSchema, { ...valid, target: { states: codes.slice(0, MAX_TARGETS + 1) } })).toContain(
      'target.states',
    );
    expect(
      issues(watchInputSchema, {
        ...valid,
        target: { states: codes.slice(0, 90), groups: ['africa', 'asia', 'europe', 'americas', 'oceania', 'weog'] },
      }),
    ).toEqual([
      `target: must name at most ${MAX_TARGETS} states and groups together; name a group, or all: true, for more`,
    ]);
    const groups = Array.from({ length: 51 }, (_, index) => `group-${index}`);
    expect(paths(watchInputSchema, { ...valid, target: { groups } })).toContain('target.groups');
  });

  it('minChangePct is a number DynamoDB stores exactly', () => {
    expect(paths(watchInputSchema, { ...valid, minChangePct: 1e16 })).toEqual(['minChangePct']);
    expect(paths(watchInputSchema, { ...valid, minChangePct: 5e-324 })).toEqual(['minChangePct']);
    expect(watchInputSchema.safeParse({ ...valid, minChangePct: 0.5 }).success).toBe(true);
  });

  it('minChangePct is a percentage of 0 or more', () => {
    expect(issues(watchInputSchema, { ...valid, minChangePct: -5 })).toEqual([
      'minChangePct: must be a percentage of 0 or more',
    ]);
    expect(paths(watchInputSchema, { ...valid, minChangePct: '5' })).toEqual(['minChangePct']);
    expect(watchInputSchema.parse({ ...valid, minChangePct: 0 }).minChangePct).toBe(0);
  });

  it('channel: one real email address (at most 254 characters) or one E.164 number', () => {
    expect(issues(watchInputSchema, { ...valid, channel: { email: 'ana at example.org' } })).toEqual([
      'channel.email: must be an email address such as ana@example.org',
    ]);
    const address = (labelLength: number) =>
      `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(labelLength)}.${'d'.repeat(63)}.org`;
    expect(address(60)).toHaveLength(254);
    expect(watchInputSchema.safeParse({ ...valid, channel: { email: address(60) } }).success).toBe(true);
    expect(paths(watchInputSchema, { ...valid, channel: { email: address(61) } })).toEqual(['channel.email']);
    for (const sms of ['+0447700900123', '447700900123', '+4477', '+4477009001234567', '+44 7700 900123']) {
      expect(paths(watchInputSchema, { ...valid, channel: { sms } }), sms).toEqual(['channel.sms']);
    }
    expect(watchInputSchema.parse({ ...valid, channel: { sms: '+79161234567' } }).channel).toEqual({
      sms: '+79161234567',
    });
    expect(issues(watchInputSchema, { ...valid, channel: { email: 'ana@example.org', sms: '+79161234567' } })).toEqual([
      'channel: must be either { "email": ... } or { "sms": ... }',
    ]);
    expect(paths(watchInputSchema, { ...valid, channel: {} })).toEqual(['channel']);
  });

  it('delivery: digestHourUtc is a whole hour 0–23 and only for digests; repeats every 1–365 days', () => {
    expect(issues(watchInputSchema, { ...valid, delivery: { mode: 'immediate', digestHourUtc: 6 } })).toEqual([
      'delivery.digestHourUtc: is only allowed with mode "digest"',
    ]);
    for (const digestHourUtc of [-1, 24, 6.5]) {
      expect(paths(watchInputSchema, { ...valid, delivery: { mode: 'digest', digestHourUtc } })).toEqual([
        'delivery.digestHourUtc',
      ]);
    }
    for (const repeatEveryDays of [0, 366, 1.5]) {
      expect(paths(watchInputSchema, { ...valid, delivery: { mode: 'immediate', repeatEveryDays } })).toEqual([
        'delivery.repeatEveryDays',
      ]);
    }
    expect(
      watchInputSchema.parse({ ...valid, delivery: { mode: 'digest', digestHourUtc: 0, repeatEveryDays: 365 } })
        .delivery,
    ).toEqual({
      mode: 'digest',
      digestHourUtc: 0,
      repeatEveryDays: 365,
      resolved: false,
    });
  });

  it('name: 1 to 100 characters', () => {
    expect(paths(watchInputSchema, { ...valid, name: '' })).toEqual(['name']);
    expect(paths(watchInputSchema, { ...valid, name: 'x'.repeat(101) })).toEqual(['name']);
  });
});

describe('watchPatchSchema (PATCH /watches/{id})', () => {
  it('takes any one field, plus status and mutedUntil', () => {
    expect(watchPatchSchema.parse({ status: 'paused' })).toEqual({ status: 'paused' });
    expect(watchPatchSchema.parse({ mutedUntil: '2019-04-01T00:00:00Z' })).toEqual({
      mutedUntil: '2019-04-01T00:00:00Z',
    });
    expect(watchPatchSchema.parse({ target: { states: ['nga'] } })).toEqual({ target: { states: ['NG'] } });
  });

  it('null clears an optional field (unmutes, drops a filter)', () => {
    expect(
      watchPatchSchema.parse({ mutedUntil: null, obligations: null, metrics: null, minChangePct: null, name: null }),
    ).toEqual({
      mutedUntil: null,
      obligations: null,
      metrics: null,
      minChangePct: null,
      name: null,
    });
  });

  it('refuses an empty patch, other statuses, a date for an instant, and unknown fields', () => {
    expect(issues(watchPatchSchema, {})).toEqual([': must change at least one field']);
    expect(paths(watchPatchSchema, { status: 'opted-out' })).toEqual(['status']);
    expect(paths(watchPatchSchema, { mutedUntil: '2019-04-01' })).toEqual(['mutedUntil']);
    expect(issues(watchPatchSchema, { owner: 'someone-else' })[0]).toBe(': Unrecognized key: "owner"');
  });

  it('checks replaced objects and lists as the POST does', () => {
    expect(paths(watchPatchSchema, { target: {} })).toEqual(['target']);
    expect(paths(watchPatchSchema, { events: [] })).toEqual(['events']);
    expect(paths(watchPatchSchema, { delivery: { mode: 'immediate', digestHourUtc: 3 } })).toEqual([
      'delivery.digestHourUtc',
    ]);
    expect(paths(watchPatchSchema, { channel: { sms: '12345' } })).toEqual(['channel.sms']);
  });
});
