import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { typedAlertEvent } from '../../lambdas/core/alerts/alert-event-data.ts';
import { outgoingMessage, renderedMessage } from '../../lambdas/core/delivery/outgoing-message.ts';
import { type EmailMessage, emailMessage, SUBJECT_MAX_LENGTH } from '../../lambdas/core/messages/email-message.ts';
import { smsMessage } from '../../lambdas/core/messages/sms-message.ts';
import { toAscii } from '../../lambdas/core/messages/transliterate.ts';
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

const manageUrl = 'https://sanctions-watch.example.org/watches';

const email = (events: readonly AlertEvent[], watches: readonly Watch[] = [watch({ id: 'w' })]): EmailMessage =>
  emailMessage(onlyDelivery(events, watches), { manageUrl });

const isSubjectSafe = (subject: string): boolean =>
  /^[\x20-\x7e]*$/.test(subject) && subject.length <= SUBJECT_MAX_LENGTH;

const overdue = (...states: string[]) => dayAfterMidterm().filter((event) => states.includes(event.state ?? ''));

/** The same event about an obligation of another title, to try titles no catalogue has yet. */
const titled = (event: AlertEvent, title: string): AlertEvent => ({ ...event, data: { ...event.data, title } });

describe('emailMessage: the africa watch on 23 March 2019', () => {
  const africa = [watch({ id: 'africa', target: { groups: ['africa'] }, events: ['report.overdue'] })];
  const africanMessage = () => email(dayAfterMidterm(), africa);
  const africanOverdue = memberStates().filter((state) => state.region.name === 'Africa' && state.alpha2 !== 'GQ');

  it('is one message whose ASCII subject counts the 53 states', () => {
    const message = africanMessage();
    expect(africanOverdue).toHaveLength(53);
    expect(message.subject).toBe('53 states overdue: Midterm report on repatriated DPRK workers');
    expect(isSubjectSafe(message.subject)).toBe(true);
  });

  it('names every one of them in the body, with the obligation and its due date', () => {
    const message = africanMessage();
    for (const { name, alpha2 } of africanOverdue)
      expect(message.body).toContain(`- ${name} (${alpha2}): 1 day overdue`);
    expect(message.body).toContain("- Côte d'Ivoire (CI): 1 day overdue");
    expect(message.body).not.toContain('Equatorial Guinea');
    expect(message.body.split('\n').slice(0, 3)).toEqual([
      '53 states overdue: Midterm report on repatriated DPRK workers',
      'Obligation 2397-p8-midterm, due 22 March 2019.',
      '- Algeria (DZ): 1 day overdue',
    ]);
  });

  it('ends with how to change or stop the watch', () => {
    const message = africanMessage();
    expect(message.body.split('\n').at(-1)).toBe(`To change or stop this watch: ${manageUrl}`);
  });

  it("ends, given the contact's unsubscribe link, with how to stop all mail to the address", () => {
    const unsubscribeUrl = 'https://sanctions-watch.example.org/unsubscribe?c=email%3Aana%40example.org&s=sig';
    const message = emailMessage(onlyDelivery(dayAfterMidterm(), africa), { manageUrl, unsubscribeUrl });
    expect(message.body.split('\n').slice(-2)).toEqual([
      `To change or stop this watch: ${manageUrl}`,
      `To stop all sanctions-watch email to this address and erase it: ${unsubscribeUrl}`,
    ]);
    expect(message.subject).toBe(africanMessage().subject);
  });
});

describe('outgoingMessage: the unsubscribe link', () => {
  const linkOf = (contact: string) => `https://api.example.org/unsubscribe?c=${encodeURIComponent(contact)}&s=sig`;

  it("gives an email its contact's link, in the footer and for the headers, and says what kind it is", () => {
    const delivery = onlyDelivery([russiaWorkPermits], [watch({ id: 'w' })]);
    const message = outgoingMessage(delivery, manageUrl, 'digest', linkOf);
    expect(message.unsubscribeUrl).toBe(linkOf('email:ana@example.org'));
    expect(message.kind).toBe('digest');
    expect(message.email?.body.split('\n').at(-1)).toBe(
      `To stop all sanctions-watch email to this address and erase it: ${linkOf('email:ana@example.org')}`,
    );
  });

  it('leaves an SMS, and an email built without links, as they were', () => {
    const sms = outgoingMessage(
      onlyDelivery([russiaWorkPermits], [watch({ id: 'w', channel: { sms: '+447700900123' } })]),
      manageUrl,
      'alert',
      linkOf,
    );
    expect(sms.unsubscribeUrl).toBeUndefined();
    expect(sms.sms).toBeDefined();
    const plain = outgoingMessage(onlyDelivery([russiaWorkPermits], [watch({ id: 'w' })]), manageUrl);
    expect(plain.unsubscribeUrl).toBeUndefined();
    expect(plain.email?.body).not.toContain('unsubscribe');
  });
});

describe('renderedMessage: one channel per sender', () => {
  const smsDelivery = onlyDelivery([russiaWorkPermits], [watch({ id: 'w', channel: { sms: '+447700900123' } })]);
  const emailDelivery = onlyDelivery([russiaWorkPermits], [watch({ id: 'w' })]);

  it("renders with the renderer of the delivery's channel, the same text as with both", () => {
    expect(renderedMessage({ sms: smsMessage })(smsDelivery, manageUrl)).toEqual(
      outgoingMessage(smsDelivery, manageUrl),
    );
    expect(renderedMessage({ email: emailMessage })(emailDelivery, manageUrl)).toEqual(
      outgoingMessage(emailDelivery, manageUrl),
    );
  });

  it('refuses a delivery on a channel it has no renderer for, rather than sending something else', () => {
    expect(() => renderedMessage({ sms: smsMessage })(emailDelivery, manageUrl)).toThrow(
      'This function renders no email messages',
    );
    expect(() => renderedMessage({ email: emailMessage })(smsDelivery, manageUrl)).toThrow(
      'This function renders no sms messages',
    );
  });
});

describe('emailMessage: figures', () => {
  it("gives Russia's work permits as previous → current with the change, the dates and the source", () => {
    const message = email([russiaWorkPermits]);

    expect(message.subject).toBe('Russia: valid work permits 30,023->11,490 (-61.7%)');
    expect(message.body).toContain(
      '- Russia (RU): 30,023 → 11,490 permits (−18,533, −61.7%) as of 31 December 2018; previous figure as of 31 December 2017.',
    );
    expect(message.body).toContain(
      '  Source: UN report, 1718 Committee midterm report, https://www.un.org/securitycouncil/sanctions/1718/implementation-reports',
    );
  });

  it('a first figure, a range and a change of form', () => {
    const first = figureChanged(undefined, figure('QA', 'workers.remaining', { value: 2_500 }, '2016-01-31'));
    const range = figureChanged(
      figure('CN', 'workers.estimated', { low: 50_000, high: 80_000 }, '2018-12-31', { source: { kind: 'estimate' } }),
      figure('CN', 'workers.estimated', { low: 40_000, high: 80_000 }, '2019-12-31', { source: { kind: 'estimate' } }),
    );
    const narrowed = figureChanged(
      figure('CN', 'workers.remaining', { low: 50_000, high: 80_000 }, '2018-12-31'),
      figure('CN', 'workers.remaining', { value: 60_000 }, '2019-12-31'),
    );
    const watches = [watch({ id: 'w', target: { states: ['QA', 'CN'] } })];

    expect(email([first], watches).body).toContain(
      '- Qatar (QA): 2,500 persons as of 31 January 2016, the first figure.',
    );
    expect(email([first], watches).subject).toBe('Qatar: remaining workers 2,500 (first figure)');
    expect(email([range], watches).body).toContain(
      '- China (CN): 50,000–80,000 → 40,000–80,000 persons (low −10,000, −20%; high 0, 0%) as of 31 December 2019',
    );
    expect(email([range], watches).body).toContain('  Source: Estimate');
    expect(email([narrowed], watches).body).toContain(
      '- China (CN): 50,000–80,000 → 60,000 persons as of 31 December 2019',
    );
  });
});

describe('emailMessage: reports and deadlines', () => {
  it('a late report that resolves an overdue state, with its document', () => {
    const received = midtermReportReceived(
      report('NG', '2019-06-10', { symbol: 'S/AC.49/2019/77', url: 'https://undocs.org/S/AC.49/2019/77' }),
    );
    const message = email([received], [watch({ id: 'w', target: { states: ['NG'] } })]);

    expect(message.subject).toBe('Nigeria reported 80 days late: Midterm report on repatriated DPRK workers');
    expect(message.body).toContain(
      '- Nigeria (NG): report dated 10 June 2019, submitted 10 June 2019, 80 days late; no longer overdue.',
    );
    expect(message.body).toContain('  Document: S/AC.49/2019/77, https://undocs.org/S/AC.49/2019/77');
  });

  it('a report the state asked not to publish says so', () => {
    const china = midtermReportReceived(report('CN', '2019-03-20', { public: false }));

    expect(email([china], [watch({ id: 'w', target: { states: ['CN'] } })]).body).toContain(
      '- China (CN): report dated 20 March 2019, submitted 20 March 2019, on time.\n  Not published: the state asked the Committee to keep it confidential.',
    );
  });

  it('an approaching deadline lists the watched states still pending, out of how many', () => {
    const approaching = checkerEvents('2019-03-15T06:00:00.000Z', [report('RU', '2019-03-12')]);
    const message = email(approaching, [watch({ id: 'w', target: { states: ['RU', 'NG', 'CI'] } })]);

    expect(message.subject).toBe('Midterm report on repatriated DPRK workers due in 7 days: 2 states yet to report');
    expect(message.body).toContain("Still pending (2 of 192):\n- Côte d'Ivoire (CI)\n- Nigeria (NG)");
  });

  it('a passed deadline gives what remains in the states that missed it', () => {
    const remaining = [
      figure('RU', 'workers.remaining', { value: 511 }, '2019-12-01'),
      figure('PL', 'workers.remaining', { value: 0 }, '2019-12-04'),
    ];
    const passed = checkerEvents('2019-12-23T06:00:00.000Z', [], remaining).filter(
      (event) => event.type === 'deadline.passed',
    );
    const message = email(passed, [watch({ id: 'w', target: { states: ['RU', 'PL'] } })]);

    expect(message.subject).toBe(
      'Deadline passed: Repatriation of all DPRK nationals earning income abroad (Russia not met)',
    );
    expect(message.body).toContain('Obligation 2397-p8-repatriation, due 22 December 2019. Met by 1 of 193 states.');
    expect(message.body).toContain('Not met (1 of 192):\n- Russia (RU): 511 remaining as of 1 December 2019');
  });
});

describe('emailMessage: subjects', () => {
  it('transliterates names to ASCII', () => {
    const watches = [watch({ id: 'w', target: { states: ['CI', 'ST', 'TR'] } })];

    expect(email(overdue('CI'), watches).subject).toBe(
      "Cote d'Ivoire overdue: Midterm report on repatriated DPRK workers",
    );
    expect(email(overdue('ST'), watches).subject).toBe(
      'Sao Tome and Principe overdue: Midterm report on repatriated DPRK workers',
    );
    expect(email(overdue('TR'), watches).subject).toBe('Turkiye overdue: Midterm report on repatriated DPRK workers');
  });

  it('summarises several kinds of news by the most pressing and a count of the rest', () => {
    expect(email([russiaWorkPermits, ...overdue('RU')]).subject).toBe(
      'Russia overdue: Midterm report on repatriated DPRK workers (+1 more)',
    );
  });

  it("several states' figures of one metric make one capitalised headline", () => {
    const qatar = figureChanged(
      figure('QA', 'workers.remaining', { value: 150 }, '2018-06-30'),
      figure('QA', 'workers.remaining', { value: 70 }, '2019-03-22'),
    );
    const kuwait = figureChanged(undefined, figure('KW', 'workers.remaining', { value: 904 }, '2019-12-01'));
    const message = email([qatar, kuwait], [watch({ id: 'w', target: { groups: ['western-asia'] } })]);

    expect(message.subject).toBe('Remaining workers changed for 2 states');
    expect(message.body).toContain(
      'Figures changed: remaining workers\n- Kuwait (KW): 904 persons as of 1 December 2019, the first figure.',
    );
    expect(message.body).toContain(
      '- Qatar (QA): 150 → 70 persons (−80, −53.3%) as of 22 March 2019; previous figure as of 30 June 2018.',
    );
  });

  it('shortens a long title by words, and cuts what cannot be shortened', () => {
    const longTitle = titled(
      dayAfterMidterm().find((event) => event.state === 'CI') ?? russiaWorkPermits,
      `Report on ${'very '.repeat(30)}long matters`,
    );
    const longMetric = figureChanged(undefined, figure('VC', `${'x'.repeat(60)}.count`, { value: 1 }, '2019-01-01'));
    const watches = [watch({ id: 'w', target: { states: ['CI', 'VC'] } })];

    expect(email([longTitle], watches).subject).toMatch(/^Cote d'Ivoire overdue: Report on very( very)+\.\.\.$/);
    expect(email([longTitle], watches).subject.length).toBeLessThanOrEqual(100);
    expect(email([longMetric], watches).subject).toMatch(/^Saint Vincent and the Grenadines: count x+\.\.\.$/);
    expect(email([longMetric], watches).subject).toHaveLength(100);
  });

  it('are ASCII, at most 100 characters and one line, whatever the states, titles and mix', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const titles = [
      'Midterm report',
      'Rapport à mi-parcours — Côte d’Ivoire\nrepatriation',
      'Отчёт о репатриации',
      `[Draft] {x} ~ € ${'long '.repeat(25)}`,
      '中期报告',
    ];
    const codes = memberStates().map((state) => state.alpha2);
    for (let trial = 0; trial < 300; trial++) {
      const states = Array.from({ length: 1 + Math.floor(next() * 60) }, () => pick(codes));
      const title = pick(titles);
      const events = [
        ...overdue(...states).map((event) => titled(event, title)),
        ...(next() < 0.5
          ? [
              figureChanged(
                undefined,
                figure(pick(codes), 'workers.remaining', { value: Math.floor(next() * 1e6) }, '2019-01-01'),
              ),
            ]
          : []),
      ];
      const watches = [watch({ id: 'w', target: { all: true } })];
      if (events.length === 0) continue;

      const { subject } = email(events, watches);

      expect(isSubjectSafe(subject), subject).toBe(true);
      expect(subject).not.toMatch(/[\r\n]/);
    }
  });

  it('every member state name fits a subject in ASCII', () => {
    for (const { alpha2 } of memberStates()) {
      const events =
        overdue(alpha2).length > 0
          ? overdue(alpha2)
          : [figureChanged(undefined, figure(alpha2, 'workers.remaining', { value: 1 }, '2019-01-01'))];
      const { subject } = email(events, [watch({ id: 'w', target: { states: [alpha2] } })]);
      expect(isSubjectSafe(subject), subject).toBe(true);
    }
  });
});

describe('toAscii', () => {
  it('strips accents, spells out dashes, arrows and quotes, and marks what it cannot spell', () => {
    expect(toAscii("Côte d'Ivoire")).toBe("Cote d'Ivoire");
    expect(toAscii('São Tomé and Príncipe')).toBe('Sao Tome and Principe');
    expect(toAscii('Türkiye')).toBe('Turkiye');
    expect(toAscii('30,023 → 11,490 (−61.7%), 50,000–80,000 … “DPRK’s” Øresund Straße ﬁnal')).toBe(
      '30,023 -> 11,490 (-61.7%), 50,000-80,000 ... "DPRK\'s" Oresund Strasse final',
    );
    expect(toAscii('a\nb\tc 中')).toBe('a b c ?');
  });

  it('reads typed event data as well as the producers write it', () => {
    expect(typedAlertEvent(russiaWorkPermits).data).toMatchObject({
      previous: { value: 30_023 },
      current: { value: 11_490 },
      deltaPct: -61.7,
    });
    expect(() => typedAlertEvent({ ...russiaWorkPermits, data: { metric: 'x' } })).toThrow(
      /figure.changed.*data\.unit/,
    );
  });
});
