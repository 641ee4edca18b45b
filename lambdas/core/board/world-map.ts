import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { lazy } from '../lazy.ts';
import { type LngLat, memberStates } from '../reference/member-states.ts';
import { countries110mJson } from './countries-110m.data.ts';
import { relativePath } from './relative-path.ts';

/** The map's drawing, in SVG user units: shapes of the states it can show, the rest of the land, and a projection for markers. */
export interface WorldMap {
  readonly width: number;
  readonly height: number;
  /** SVG path data of the member states the map has shapes for, by M49 code (ISO 3166-1 numeric, world-atlas' feature id). */
  readonly shapes: ReadonlyMap<string, string>;
  /** Land that is no member state (Western Sahara, Greenland, Taiwan; Antarctica left out): drawn plain, behind. */
  readonly otherLand: string;
  /** The globe's outline, clipped to the map: the sea. */
  readonly sphere: string;
  /** Where a point falls on the map. */
  project(point: LngLat): readonly [number, number];
}

export const MAP_WIDTH = 960;
/** Antarctica is no state and would take a fifth of the height. */
const ANTARCTICA = '010';
/** Whole user units: the map is 960 wide, so a unit is about a screen pixel; and relativePath needs whole numbers. */
const PATH_DIGITS = 0;

type CountryTopology = Topology<{ countries: GeometryCollection }>;

/** The topology arrives as text: check the shape we rely on once, when it is parsed. */
const isCountryTopology = (value: unknown): value is CountryTopology =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  value.type === 'Topology' &&
  'objects' in value &&
  typeof value.objects === 'object' &&
  value.objects !== null &&
  'countries' in value.objects;

const parseTopology = (json: string): CountryTopology => {
  const topology: unknown = JSON.parse(json);
  if (!isCountryTopology(topology))
    throw new Error('countries-110m.data.ts is not a TopoJSON topology with "countries"');
  return topology;
};

const build = (topology: CountryTopology, width: number, memberCodes: ReadonlySet<string>): WorldMap => {
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features.filter((country) => country.id !== ANTARCTICA);
  // Fitted to the whole globe, so a marker anywhere (Tuvalu, near the antimeridian) lands inside the map.
  const projection = geoEqualEarth().fitWidth(width, { type: 'Sphere' });
  const path = geoPath(projection).digits(PATH_DIGITS);
  const [, [, bottom]] = path.bounds({ type: 'FeatureCollection', features });
  const shapes = new Map<string, string>();
  const other: string[] = [];
  for (const country of features) {
    const d = relativePath(path(country) ?? '');
    if (typeof country.id === 'string' && memberCodes.has(country.id)) shapes.set(country.id, d);
    else other.push(d);
  }
  const height = Math.ceil(bottom);
  // The globe runs below the map where Antarctica was cut off: the sea is clipped to the map, so
  // nothing is drawn outside the viewBox (accessibility checkers measure what is drawn).
  const seaProjection = geoEqualEarth()
    .fitWidth(width, { type: 'Sphere' })
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const sea = geoPath(seaProjection).digits(PATH_DIGITS)({ type: 'Sphere' }) ?? '';
  return {
    width,
    height,
    shapes,
    otherLand: other.join(''),
    sphere: relativePath(sea),
    project: (point) => {
      const [x, y] = projection([point[0], point[1]]) ?? [0, 0];
      return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    },
  };
};

/** Parsed and projected on the first page, then kept for the life of the process: once per cold start, never at load. */
export const worldMap = /* @__PURE__ */ lazy(
  (): WorldMap => build(parseTopology(countries110mJson), MAP_WIDTH, new Set(memberStates().map((state) => state.m49))),
);
