/**
 * The part of Lambda's event filtering (EventBridge pattern syntax) that our event source mappings
 * use, so the local stream poller drops exactly the records Lambda would drop. Semantics follow
 * AWS's reference matcher (aws/event-ruler): a pattern's fields are ANDed, the values listed for a
 * field are ORed, an array in the record matches when any element does, and a record without a
 * field the pattern names does not match (unless the rule is `exists: false`).
 */

type Literal = string | number | boolean | null;

export type FilterRule =
  | Literal
  | { readonly exists: boolean }
  | { readonly prefix: string }
  | { readonly 'anything-but': Literal | readonly Literal[] };

export interface FilterPattern {
  readonly [field: string]: FilterPattern | readonly FilterRule[];
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The values a rule is compared with: objects are not leaves, and arrays contribute their elements. */
const leavesOf = (value: unknown): readonly unknown[] => {
  if (value === undefined || isObject(value)) return [];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  return [value];
};

// Array.isArray does not narrow readonly arrays, hence these guards.
const isRuleList = (value: FilterPattern | readonly FilterRule[]): value is readonly FilterRule[] =>
  Array.isArray(value);
const isLiteralList = (value: Literal | readonly Literal[]): value is readonly Literal[] => Array.isArray(value);

const ruleMatches = (rule: FilterRule, leaves: readonly unknown[]): boolean => {
  if (!isObject(rule)) return leaves.some((leaf) => leaf === rule);
  if ('exists' in rule) return rule.exists === leaves.length > 0;
  if ('prefix' in rule) return leaves.some((leaf) => typeof leaf === 'string' && leaf.startsWith(rule.prefix));
  const excluded = rule['anything-but'];
  const isExcluded = (leaf: unknown) =>
    isLiteralList(excluded) ? excluded.some((value) => value === leaf) : leaf === excluded;
  return leaves.some((leaf) => !isExcluded(leaf));
};

const fieldOf = (value: unknown, field: string): unknown =>
  isObject(value) && Object.hasOwn(value, field) ? value[field] : undefined;

const patternMatches = (value: unknown, pattern: FilterPattern): boolean => {
  // An array of objects matches when one element satisfies the whole pattern, as event-ruler's
  // array-consistent matching requires.
  if (Array.isArray(value)) return value.some((element) => patternMatches(element, pattern));
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = fieldOf(value, field);
    return isRuleList(expected)
      ? expected.some((rule) => ruleMatches(rule, leavesOf(actual)))
      : patternMatches(actual, expected);
  });
};

/** Whether Lambda would pass `record` to the function: no patterns pass everything, several are ORed. */
export const matchesFilterPatterns = (record: unknown, patterns: readonly FilterPattern[]): boolean =>
  patterns.length === 0 || patterns.some((pattern) => patternMatches(record, pattern));
