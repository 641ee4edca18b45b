import { lazy } from '../lazy.ts';
import { m49AreaNamesJson, memberStateRows, observerStateRows, stateLocationsJson } from './member-states.data.ts';

/** A UN M49 area (region, sub-region or intermediate region): 3-digit code and English name. */
export interface M49Area {
  readonly code: string;
  readonly name: string;
}

export const unRegionalGroupIds = [
  'african-group',
  'asia-pacific-group',
  'eastern-european-group',
  'latin-american-and-caribbean-group',
  'western-european-and-others-group',
] as const;

export type UnRegionalGroupId = (typeof unRegionalGroupIds)[number];

export interface MemberState {
  /** ISO 3166-1 alpha-2, upper case: the id used everywhere else in the service. */
  readonly alpha2: string;
  readonly alpha3: string;
  /** UN M49 numeric code, 3 digits with leading zeros. */
  readonly m49: string;
  /** English short name. */
  readonly name: string;
  readonly region: M49Area;
  readonly subRegion: M49Area;
  readonly intermediateRegion?: M49Area;
  readonly unRegionalGroup: UnRegionalGroupId;
}

/** Between the fields of a row of member-states.data.ts (scripts/member-states-source.ts writes them). */
export const ROW_SEPARATOR = '|';

/** One row of the generated data: alpha-2|alpha-3|M49|region|sub-region|intermediate region|group index|name. */
const parseRow = (row: string, area: (code: string) => M49Area): MemberState => {
  const [alpha2 = '', alpha3 = '', m49 = '', region = '', subRegion = '', intermediate = '', group = '', name = ''] =
    row.split(ROW_SEPARATOR);
  const unRegionalGroup = unRegionalGroupIds[Number(group)];
  if (unRegionalGroup === undefined || name === '') throw new Error(`member-states.data.ts: malformed row "${row}"`);
  return {
    alpha2,
    alpha3,
    m49,
    name,
    region: area(region),
    subRegion: area(subRegion),
    ...(intermediate === '' ? {} : { intermediateRegion: area(intermediate) }),
    unRegionalGroup,
  };
};

/**
 * The states and their lookup by code, parsed from the data module's rows on first use: 0.01×
 * of a cold start that functions which never look a state up (most watch routes) do not pay
 * (docs/cold-start.md).
 */
const table = /* @__PURE__ */ lazy(() => {
  const areaNames = JSON.parse(m49AreaNamesJson) as Readonly<Record<string, string>>;
  const area = (code: string): M49Area => ({ code, name: areaNames[code] ?? code });
  const states = memberStateRows.split('\n').map((row) => parseRow(row, area));
  const byCode = new Map<string, MemberState>(
    states.flatMap((state) => [
      [state.alpha2, state],
      [state.alpha3, state],
    ]),
  );
  return { states, byCode };
});

/** The 193 UN member states, sorted by alpha-2. */
export const memberStates = (): readonly MemberState[] => table().states;

/** A non-member observer state: looked up only to tell callers why it is not listed. */
export interface ObserverState {
  readonly alpha2: string;
  readonly alpha3: string;
  readonly name: string;
}

/** The Holy See and the State of Palestine. */
export const observerStates: readonly ObserverState[] = observerStateRows;

/** [longitude, latitude] in degrees, the order GeoJSON and map projections take. */
export type LngLat = readonly [number, number];

// Marked pure so that a bundle whose code never asks where a state is (all but the board's) drops the text.
const locations = /* @__PURE__ */ lazy(() => JSON.parse(stateLocationsJson) as Readonly<Record<string, LngLat>>);

/** A point in the member state (alpha-2): where a map marks a state too small for its shapes. */
export const stateLocation = (alpha2: string): LngLat | undefined => locations()[alpha2];

/** Looks a member state up by alpha-2 or alpha-3 code, in any case. */
export const findMemberState = (code: string): MemberState | undefined => table().byCode.get(code.toUpperCase());

export type StateCodeResult =
  | { readonly ok: true; readonly state: MemberState }
  | { readonly ok: false; readonly reason: 'malformed' | 'not-a-member'; readonly message: string };

const codeShape = /^[A-Za-z]{2,3}$/;

/** Like findMemberState, but says whether a miss was a malformed code, an observer or unknown. */
export const parseStateCode = (raw: string): StateCodeResult => {
  if (!codeShape.test(raw)) {
    return { ok: false, reason: 'malformed', message: `"${raw}" is not an ISO 3166-1 alpha-2 or alpha-3 code` };
  }
  const state = findMemberState(raw);
  if (state) return { ok: true, state };
  const upper = raw.toUpperCase();
  const observer = observerStates.find((o) => o.alpha2 === upper || o.alpha3 === upper);
  const message = observer
    ? `${observer.name} (${observer.alpha2}) is a UN observer state, not a member state`
    : `"${raw}" is not the code of a UN member state`;
  return { ok: false, reason: 'not-a-member', message };
};
