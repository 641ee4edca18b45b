import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { gsm7Length, isGsm7, toGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import { SMS_MAX_SEPTETS, smsMessage } from '../../lambdas/core/messages/sms-message.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import {
  checkerEvents,
  dayAfterMidterm,
  figure,
  figureChanged,
  midtermReportReceived,
  onlyDelivery,
  report,
  russiaWorkPermits,
  watch,
} from '../support/watch-fixtures.ts';

const phone = { channel: { sms: '+447700900123' } };

const sms = (events: readonly AlertEvent[], watches: readonly Watch[] = [watch({ id: 'w', ...phone })]): string =>
  smsMessage(onlyDelivery(events, watches));

const fitsOneSegment = (text: string): boolean => isGsm7(text) && gsm7Length(text) <= SMS_MAX_SEPTETS;

describe('gsm7', () => {
  it('counts septets: extension characters take two', () => {
    expect(gsm7Length('sanctions-watch')).toBe(15);
    expect(gsm7Length('€[]{}\\^~|')).toBe(18);
    expect(gsm7Length('Türkiye Δ ß É à')).toBe(15);
  });

  it('knows what GSM-7 carries, and has no length for what it does not', () => {
    expect(isGsm7('Türkiye, São')).toBe(false);
    expect(isGsm7('Türkiye, Sao Tomé, 50-80 €')).toBe(true);
    expect(() => gsm7Length('Côte')).toThrow(/U\+00F4/);
  });

  it('transliterates only what GSM-7 lacks, keeping its own accented letters', () => {
    expect(toGsm7("Côte d'Ivoire")).toBe("Cote d'Ivoire");
    expect(toGsm7('São Tomé and Príncipe')).toBe('Sao Tomé and Principe');
    expect(toGsm7('Türkiye')).toBe('Türkiye');
    expect(toGsm7('Curaçao, ÇA, Øresund, Straße')).toBe('Curacao, ÇA, Øresund, Straße');
    expect(toGsm7('30,023→11,490 (−61.7%) 50,000–80,000 “a” ’ …')).toBe(
      '30,023->11,490 (-61.7%) 50,000-80,000 "a" \' ...',
    );
    expect(toGsm7('tab\there, 中')).toBe('tab here, ?');
  });

  it('makes every member state name GSM-7', () => {
    for (const { name } of memberStates()) expect(isGsm7(toGsm7(name)), name).toBe(true);
  });
});

describe('smsMessage', () => {
  it("says Russia's work permits went 30,023 → 11,490 (−61.7%), in one segment", () => {
    const text = sms([russiaWorkPermits]);

    expect(text).toBe(
      'Russia valid work permits 30,023->11,490 (-61.7%) as of 2018-12-31. UN report: 1718 Committee midterm report. sanctions-watch',
    );
    expect(fitsOneSegment(text)).toBe(true);
  });

  it('summarises 53 overdue African states as a count and the codes that fit', () => {
    const text = sms(dayAfterMidterm(), [
      watch({ id: 'africa', ...phone, target: { groups: ['africa'] }, events: ['report.overdue'] }),
    ]);

    expect(text).toMatch(
      /^53 states overdue on Midterm report on repatriated DPRK workers \(due 2019-03-22\): DZ, AO, BJ, (\w\w, )+\w\w\.\.\. \+\d+\. sanctions-watch$/,
    );
    expect(fitsOneSegment(text)).toBe(true);
    expect(gsm7Length(text)).toBeGreaterThan(SMS_MAX_SEPTETS - 6);
  });

  it("names a single state, transliterated: Côte d'Ivoire", () => {
    expect(sms(dayAfterMidterm(), [watch({ id: 'w', ...phone, target: { states: ['CI'] } })])).toBe(
      "Cote d'Ivoire overdue on Midterm report on repatriated DPRK workers (due 2019-03-22). sanctions-watch",
    );
  });

  it('counts the other news of the run', () => {
    expect(sms([russiaWorkPermits, ...dayAfterMidterm()])).toBe(
      'Russia overdue on Midterm report on repatriated DPRK workers (due 2019-03-22). +1 more. sanctions-watch',
    );
  });

  it('reports, approaching and passed deadlines', () => {
    const nigeria = [watch({ id: 'w', ...phone, target: { states: ['NG', 'CI'] } })];
    const remaining = [figure('NG', 'workers.remaining', { value: 40 }, '2019-12-01')];

    expect(sms([midtermReportReceived(report('NG', '2019-06-10', { symbol: 'S/AC.49/2019/77' }))], nigeria)).toBe(
      'Nigeria reported on Midterm report on repatriated DPRK workers, 80 days late, S/AC.49/2019/77. sanctions-watch',
    );
    expect(sms(checkerEvents('2019-03-15T06:00:00.000Z'), nigeria)).toBe(
      'Midterm report on repatriated DPRK workers due 2019-03-22, in 7 days. 2 yet to report: CI, NG. sanctions-watch',
    );
    expect(
      sms(
        checkerEvents('2019-12-23T06:00:00.000Z', [], remaining).filter((event) => event.type === 'deadline.passed'),
        nigeria,
      ),
    ).toBe(
      'Deadline passed for Repatriation of all DPRK nationals earning income abroad (2019-12-22). 2 not met: CI, NG. sanctions-watch',
    );
  });

  it("several states' figures of one metric, as a capitalised summary", () => {
    const qatar = figureChanged(
      figure('QA', 'workers.remaining', { value: 150 }, '2018-06-30'),
      figure('QA', 'workers.remaining', { value: 70 }, '2019-03-22'),
    );
    const kuwait = figureChanged(undefined, figure('KW', 'workers.remaining', { value: 904 }, '2019-12-01'));

    expect(sms([qatar, kuwait], [watch({ id: 'w', ...phone, target: { groups: ['western-asia'] } })])).toBe(
      'Remaining workers changed for 2 states: KW, QA. sanctions-watch',
    );
  });

  it('capitalises before transliterating, so a letter GSM-7 has only in lower case is still spelled', () => {
    const accented = (state: string) =>
      figureChanged(undefined, figure(state, 'workers.èstimated', { value: 1 }, '2019-01-01'));

    expect(
      sms([accented('RU'), accented('CN')], [watch({ id: 'w', ...phone, target: { states: ['RU', 'CN'] } })]),
    ).toBe('Estimated workers changed for 2 states: CN, RU. sanctions-watch');
  });

  it('drops the source reference before anything else when space runs out', () => {
    const longRef = figureChanged(
      figure('VC', 'work-permits.valid', { value: 1_234_567 }, '2018-12-31'),
      figure('VC', 'work-permits.valid', { value: 7_654_321 }, '2019-12-31', {
        source: { kind: 'press', ref: `${'Quite a long newspaper name '.repeat(4)}` },
      }),
    );

    const text = sms([longRef], [watch({ id: 'w', ...phone, target: { states: ['VC'] } })]);

    expect(text).toMatch(
      /^Saint Vincent and the Grenadines valid work permits 1,234,567->7,654,321 \(\+520%\) as of 2019-12-31\. Press report: Quite a long( \w+)*\.\.\. sanctions-watch$/,
    );
    expect(fitsOneSegment(text)).toBe(true);
  });

  it('is always one GSM-7 segment, whatever the states, titles and mix', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const titles = [
      'Midterm report',
      'Rapport à mi-parcours — Côte d’Ivoire',
      `{Draft} [${'€'.repeat(70)}] ~|^\\`,
      'Отчёт',
      '中期报告 '.repeat(40),
      `${'word '.repeat(50)}end`,
    ];
    const codes = memberStates().map((state) => state.alpha2);
    for (let trial = 0; trial < 300; trial++) {
      const states = Array.from({ length: 1 + Math.floor(next() * 80) }, () => pick(codes));
      const title = pick(titles);
      const events = [
        ...dayAfterMidterm()
          .filter((event) => states.includes(event.state ?? ''))
          .map((event) => ({ ...event, data: { ...event.data, title } })),
        ...(next() < 0.5
          ? [
              figureChanged(
                undefined,
                figure(
                  pick(codes),
                  `${pick(['workers', 'ünits-€'])}.remaining`,
                  { value: Math.floor(next() * 1e9) },
                  '2019-01-01',
                ),
              ),
            ]
          : []),
      ];
      if (events.length === 0) continue;

      const text = sms(events, [watch({ id: 'w', ...phone, target: { all: true } })]);

      expect(fitsOneSegment(text), text).toBe(true);
    }
  });
});
