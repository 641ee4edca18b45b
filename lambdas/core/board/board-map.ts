import { type MemberState, memberStates, stateLocation } from '../reference/member-states.ts';
import type { ObligationStatus } from '../status/obligation-status.ts';
import { overdueShade, overdueShades, statusStyles } from './board-palette.ts';
import { escapeHtml } from './escape-html.ts';
import { worldMap } from './world-map.ts';

/** A marker's radius, in map units: visible, yet clear of its neighbours in the Caribbean and the Pacific. */
const MARKER_RADIUS = 4;

/** The CSS classes that colour a state: `s-<status>`, and `o<level>` for an overdue state's shade. */
export const statusClasses = (status: ObligationStatus): string =>
  status.status === 'overdue' ? `s-overdue o${overdueShade(status.daysOverdue).level}` : `s-${status.status}`;

/** Hatching for overdue (one per shade), dots for reports kept from the public: the map does not rely on colour alone. */
const patterns = (): string =>
  [
    ...overdueShades.map(
      (shade) =>
        `<pattern id="o${shade.level}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${shade.fill}"/><path d="M1.5 0V6" stroke="${shade.text}" stroke-opacity=".45" stroke-width="1.5"/></pattern>`,
    ),
    `<pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="${statusStyles['submitted-not-public'].fill}"/><circle cx="2.5" cy="2.5" r="1" fill="#ffffff" fill-opacity=".7"/></pattern>`,
  ].join('');

export interface BoardMapInput {
  /** Says what the map shows, for screen readers. */
  readonly caption: string;
  /** The states on the board; others (outside the chosen group) are drawn plain. */
  readonly statuses: ReadonlyMap<string, ObligationStatus>;
  /** The tooltip of each state on the board. */
  readonly titleOf: (state: MemberState, status: ObligationStatus) => string;
  /** Why a state outside the board is plain. */
  readonly outsideTitle: (state: MemberState) => string;
}

/** The world map as inline SVG: each member state coloured by its status, with its code, status and a tooltip; markers for states too small for the map's shapes. */
export const renderBoardMap = (input: BoardMapInput): string => {
  const map = worldMap();
  const shapes: string[] = [];
  const markers: string[] = [];
  for (const state of memberStates()) {
    const status = input.statuses.get(state.alpha2);
    const attributes = status
      ? `class="${statusClasses(status)}" data-code="${state.alpha2}" data-status="${status.status}"${status.status === 'overdue' ? ` data-days-overdue="${status.daysOverdue}"` : ''}`
      : `class="outside" data-code="${state.alpha2}"`;
    const title = `<title>${escapeHtml(status ? input.titleOf(state, status) : input.outsideTitle(state))}</title>`;
    const shape = map.shapes.get(state.m49);
    const location = stateLocation(state.alpha2);
    if (shape !== undefined) {
      shapes.push(`<path ${attributes} d="${shape}">${title}</path>`);
    } else if (location) {
      const [x, y] = map.project(location);
      markers.push(
        `<circle ${attributes} data-marker="true" cx="${x}" cy="${y}" r="${MARKER_RADIUS}">${title}</circle>`,
      );
    }
  }
  return [
    `<svg class="map" viewBox="0 0 ${map.width} ${map.height}" role="img" aria-labelledby="map-caption" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="map-caption">${escapeHtml(input.caption)}</title>`,
    `<defs>${patterns()}</defs>`,
    `<path class="sea" d="${map.sphere}"/>`,
    `<path class="other-land" d="${map.otherLand}"/>`,
    `<g class="states">${shapes.join('')}</g>`,
    `<g class="markers">${markers.join('')}</g>`,
    '</svg>',
  ].join('');
};
