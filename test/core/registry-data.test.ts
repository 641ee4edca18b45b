import { describe, expect, it } from 'vitest';
import { monthNames } from '../../lambdas/core/messages/format.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { registryEntries } from '../../lambdas/core/reference/registry/index.ts';
import type { RegistryDue, RegistryOffset } from '../../lambdas/core/reference/registry/registry-entry.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: the string survives a round trip through a UTC date. */
function isRealDay(day: string): boolean {
  return isoDay.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

const numberWords: Readonly<Record<string, number>> = {
  thirty: 30,
  sixty: 60,
  ninety: 90,
  six: 6,
  twelve: 12,
  fifteen: 15,
};

/** The deadline a quote words, e.g. "within 90 days" or "no later than 24 months", if it words one. */
function deadlineInQuote(quote: string): RegistryOffset | undefined {
  const match = /(?:within|no later than|by)\s+(\d+|[a-z]+)\s+(day|month)s?\b/i.exec(quote);
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const count = /^\d+$/.test(amount) ? Number(amount) : numberWords[amount.toLowerCase()];
  if (count === undefined) return undefined;
  return unit.toLowerCase() === 'day' ? { days: count } : { months: count };
}

function offsetOf(due: RegistryDue): RegistryOffset | undefined {
  return due.type === 'open-ended' || due.type === 'by-date' ? undefined : due.within;
}

/** The day a quote sets as its deadline, e.g. "by 15 May 1992" or "no later than 1 March 2006", as `YYYY-MM-DD`. */
function deadlineDayInQuote(quote: string): string | undefined {
  const match = new RegExp(
    `(?:by|no later than|not later than)\\s+(\\d{1,2})\\s+(${monthNames.join('|')})\\s+(\\d{4})`,
  ).exec(quote);
  if (!match) return undefined;
  const [, day = '', month = '', year = ''] = match;
  return `${year}-${String(monthNames.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function offsetAmount(offset: RegistryOffset): number {
  return 'days' in offset ? offset.days : offset.months;
}

describe('the obligations registry data', () => {
  it('gives every entry a unique id', () => {
    const ids = registryEntries.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(registryEntries)('$id is a lowercase slug of resolution, paragraph and what', (entry) => {
    expect(entry.id).toMatch(/^\d{3,4}-p\d+[a-z]?(-[a-z0-9]+)+$/);
    expect(entry.id.startsWith(`${entry.resolution}-p${entry.paragraph}-`)).toBe(true);
    expect(entry.regime).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry.committee).toMatch(/^\d{3,4}$/);
  });

  it.each(registryEntries)('$id was adopted on a real day and read on a real day after it', (entry) => {
    expect(isRealDay(entry.adoptedOn)).toBe(true);
    expect(isRealDay(entry.source.readOn)).toBe(true);
    expect(entry.source.readOn > entry.adoptedOn).toBe(true);
  });

  it.each(registryEntries)('$id cites its document and an https source with a publisher', (entry) => {
    expect(entry.source.document).toBe(`S/RES/${entry.resolution} (${entry.adoptedOn.slice(0, 4)})`);
    expect(new URL(entry.source.url).protocol).toBe('https:');
    expect(entry.source.publisher.trim()).not.toBe('');
    expect(entry.quote.trim().length).toBeGreaterThan(40);
    expect(entry.title.trim()).not.toBe('');
  });

  it.each(registryEntries)('$id has a positive offset, and the one its quote words', (entry) => {
    const offset = offsetOf(entry.due);
    if (offset) expect(offsetAmount(offset)).toBeGreaterThan(0);
    // A quote in another language is checked through our English gloss of it.
    const worded = deadlineInQuote(entry.quoteIn?.ourGloss ?? entry.quote);
    if (worded) expect(offset).toEqual(worded);
    if ((entry.due.type === 'once' || entry.due.type === 'recurring') && !entry.source.restates)
      expect(worded).toBeDefined();
  });

  it.each(registryEntries.filter(({ due }) => due.type === 'by-date'))(
    '$id, due by a day its paragraph names, words that day and falls due on it',
    (entry) => {
      const day = entry.due.type === 'by-date' ? entry.due.date : undefined;
      expect(isRealDay(day ?? '')).toBe(true);
      // A quote in another language is checked through our English gloss of it.
      expect(deadlineDayInQuote(entry.quoteIn?.ourGloss ?? entry.quote)).toBe(day);
      expect(seedObligations.find(({ id }) => id === entry.id)?.dueDate).toBe(day);
    },
  );

  it.each(registryEntries.filter(({ source }) => source.restates))(
    '$id, quoted as a page restates it, falls due on the day that page names, and says it is a restatement',
    (entry) => {
      expect(seedObligations.find(({ id }) => id === entry.id)?.dueDate).toBe(entry.source.restates?.dueDate);
      expect(entry.source.publisher).toMatch(/restating .* \(not its words\)/);
    },
  );

  it.each(registryEntries)('$id names its own source for any named-date trigger', (entry) => {
    const { due } = entry;
    if ((due.type === 'once' || due.type === 'recurring') && due.trigger.from === 'named-date') {
      expect(isRealDay(due.trigger.date)).toBe(true);
      expect(new URL(due.trigger.sourceUrl).protocol).toBe('https:');
    }
  });

  it.each(registryEntries.filter(({ quoteIn }) => quoteIn))(
    '$id, quoted in another language, keeps our English gloss apart from the words it quotes',
    (entry) => {
      expect(entry.quoteIn?.ourGloss.trim().length).toBeGreaterThan(40);
      expect(entry.quoteIn?.ourGloss).not.toBe(entry.quote);
      expect(seedObligations.find(({ id }) => id === entry.id)).toMatchObject({
        quote: entry.quote,
        quoteLanguage: entry.quoteIn?.language,
      });
    },
  );

  it('spans at least five regimes', () => {
    expect(new Set(registryEntries.map(({ regime }) => regime)).size).toBeGreaterThanOrEqual(5);
  });

  it('holds at least 40 sourced obligations (issue 16)', () => {
    expect(registryEntries.length).toBeGreaterThanOrEqual(40);
  });
});

describe('reading a deadline in a quote', () => {
  it('reads digits, words and "no later than"', () => {
    expect(deadlineInQuote('report to the Committee within 120 days of the adoption')).toEqual({ days: 120 });
    expect(deadlineInQuote('no later than 24 months from the date of adoption')).toEqual({ months: 24 });
    expect(deadlineInQuote('within thirty days of the adoption')).toEqual({ days: 30 });
    expect(deadlineInQuote('requests the Committee to make that information widely available')).toBeUndefined();
  });
});
