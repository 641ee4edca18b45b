import { describe, expect, it } from 'vitest';
import { changeDetectionStream } from '../../lambdas/contracts/streams.ts';
import { type FilterPattern, matchesFilterPatterns } from '../../local/event-filter.ts';

/** A stream record as Lambda presents it to the filter. */
const record = (eventName: string, newImage?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  eventID: '1',
  eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'local',
  dynamodb: {
    ApproximateCreationDateTime: 1_700_000_000,
    Keys: { PK: { S: 'STATE#FR' }, SK: { S: 'REPORT#1' } },
    ...(newImage === undefined ? {} : { NewImage: newImage }),
    SequenceNumber: '100',
    SizeBytes: 40,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  ...extra,
});

const itemOfType = (itemType: string) => ({ PK: { S: 'STATE#FR' }, itemType: { S: itemType } });

describe('the change-detection filter patterns', () => {
  const passes = (candidate: unknown) => matchesFilterPatterns(candidate, changeDetectionStream.filterPatterns);

  it('pass inserted and modified reports and latest figures', () => {
    expect(passes(record('INSERT', itemOfType('report')))).toBe(true);
    expect(passes(record('MODIFY', itemOfType('report')))).toBe(true);
    expect(passes(record('INSERT', itemOfType('figure-latest')))).toBe(true);
    expect(passes(record('MODIFY', itemOfType('figure-latest')))).toBe(true);
  });

  it('drop other item types and removals', () => {
    expect(passes(record('INSERT', itemOfType('figure')))).toBe(false);
    expect(passes(record('INSERT', itemOfType('alert-event')))).toBe(false);
    expect(passes(record('INSERT', itemOfType('Report')))).toBe(false);
    expect(passes(record('REMOVE', itemOfType('report')))).toBe(false);
  });

  it('drop TTL deletions as AWS and DynamoDB Local emit them, and records of unknown kinds', () => {
    const ttlDeletion = record('REMOVE', undefined, {
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    });
    expect(passes(ttlDeletion)).toBe(false);
    expect(passes(record('EXPIRE', itemOfType('report')))).toBe(false);
  });

  it('drop records it cannot evaluate instead of failing', () => {
    expect(passes(record('INSERT'))).toBe(false);
    expect(passes(record('INSERT', { itemType: { N: '1' } }))).toBe(false);
    expect(passes(record('INSERT', { itemType: 'report' }))).toBe(false);
    expect(passes({ eventName: 'INSERT' })).toBe(false);
    expect(passes(null)).toBe(false);
    expect(passes('INSERT')).toBe(false);
  });
});

describe('filter pattern matching', () => {
  const matches = (candidate: unknown, ...patterns: FilterPattern[]) => matchesFilterPatterns(candidate, patterns);

  it('passes everything when there are no patterns, as Lambda does without filter criteria', () => {
    expect(matches({ anything: 1 })).toBe(true);
  });

  it('ANDs the fields of a pattern and ORs the values listed for a field', () => {
    const pattern = { a: ['x', 'y'], b: { c: [1] } };
    expect(matches({ a: 'y', b: { c: 1 } }, pattern)).toBe(true);
    expect(matches({ a: 'z', b: { c: 1 } }, pattern)).toBe(false);
    expect(matches({ a: 'x', b: { c: 2 } }, pattern)).toBe(false);
    expect(matches({ a: 'x' }, pattern)).toBe(false);
  });

  it('ORs several patterns', () => {
    expect(matches({ a: 'x' }, { a: ['y'] }, { a: ['x'] })).toBe(true);
    expect(matches({ a: 'z' }, { a: ['y'] }, { a: ['x'] })).toBe(false);
  });

  it('compares literals by type and value: strings, numbers, booleans and null', () => {
    expect(matches({ n: 5 }, { n: [5] })).toBe(true);
    expect(matches({ n: '5' }, { n: [5] })).toBe(false);
    expect(matches({ n: 5 }, { n: ['5'] })).toBe(false);
    expect(matches({ flag: true }, { flag: [true] })).toBe(true);
    expect(matches({ flag: 'true' }, { flag: [true] })).toBe(false);
    expect(matches({ gone: null }, { gone: [null] })).toBe(true);
    expect(matches({}, { gone: [null] })).toBe(false);
  });

  it('matches an array in the record when any element matches', () => {
    expect(matches({ tags: { SS: ['a', 'b'] } }, { tags: { SS: ['b'] } })).toBe(true);
    expect(matches({ tags: { SS: ['a', 'b'] } }, { tags: { SS: ['c'] } })).toBe(false);
    expect(
      matches(
        {
          list: [
            { name: 'x', size: 1 },
            { name: 'y', size: 2 },
          ],
        },
        { list: { name: ['y'], size: [2] } },
      ),
    ).toBe(true);
    // Fields must be satisfied by the same element.
    expect(
      matches(
        {
          list: [
            { name: 'x', size: 1 },
            { name: 'y', size: 2 },
          ],
        },
        { list: { name: ['y'], size: [1] } },
      ),
    ).toBe(false);
  });

  it('checks existence of leaf fields, including under a missing parent', () => {
    expect(matches({ a: { b: 'v' } }, { a: { b: [{ exists: true }] } })).toBe(true);
    expect(matches({ a: { b: null } }, { a: { b: [{ exists: true }] } })).toBe(true);
    expect(matches({ a: {} }, { a: { b: [{ exists: true }] } })).toBe(false);
    expect(matches({ a: {} }, { a: { b: [{ exists: false }] } })).toBe(true);
    expect(matches({}, { a: { b: [{ exists: false }] } })).toBe(true);
    expect(matches({ a: { b: 'v' } }, { a: { b: [{ exists: false }] } })).toBe(false);
  });

  it('treats an object as no leaf for exists, as EventBridge does', () => {
    expect(matches({ a: { b: { c: 1 } } }, { a: { b: [{ exists: true }] } })).toBe(false);
    expect(matches({ a: { b: { c: 1 } } }, { a: { b: [{ exists: false }] } })).toBe(true);
  });

  it('matches string prefixes only', () => {
    expect(matches({ PK: { S: 'STATE#FR' } }, { PK: { S: [{ prefix: 'STATE#' }] } })).toBe(true);
    expect(matches({ PK: { S: 'REF#FR' } }, { PK: { S: [{ prefix: 'STATE#' }] } })).toBe(false);
    expect(matches({ n: 123 }, { n: [{ prefix: '12' }] })).toBe(false);
  });

  it('matches anything but the listed values, and never a missing field', () => {
    expect(matches({ state: 'open' }, { state: [{ 'anything-but': ['closed', 'void'] }] })).toBe(true);
    expect(matches({ state: 'closed' }, { state: [{ 'anything-but': ['closed', 'void'] }] })).toBe(false);
    expect(matches({ state: 'closed' }, { state: [{ 'anything-but': 'closed' }] })).toBe(false);
    expect(matches({ n: 3 }, { n: [{ 'anything-but': [1, 2] }] })).toBe(true);
    expect(matches({}, { state: [{ 'anything-but': ['closed'] }] })).toBe(false);
  });

  it('combines operators and literals for one field', () => {
    const pattern = { itemType: [{ prefix: 'figure-' }, 'report'] };
    expect(matches({ itemType: 'figure-latest' }, pattern)).toBe(true);
    expect(matches({ itemType: 'report' }, pattern)).toBe(true);
    expect(matches({ itemType: 'figure' }, pattern)).toBe(false);
  });
});
