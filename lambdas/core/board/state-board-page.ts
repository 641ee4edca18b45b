import { formatDate } from '../messages/format.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { quoteLanguageNote } from '../obligations/quote-language.ts';
import type { Clock } from '../ports/clock.ts';
import type { MemberState } from '../reference/member-states.ts';
import { memberStates } from '../reference/member-states.ts';
import type { ObligationStatus } from '../status/obligation-status.ts';
import { loadStandingData, type StandingDependencies } from '../status/standing-data.ts';
import { findState } from '../status/state-directory.ts';
import { buildStatusBoard } from '../status/status-board.ts';
import { endOfUtcDay, type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { statusStyles } from './board-palette.ts';
import { boardStyles } from './board-styles.ts';
import { escapeHtml } from './escape-html.ts';
import { htmlDocumentHead } from './html-document-head.ts';
import { statusDetail } from './status-text.ts';

/** One duty a state owes, as its page lists it. */
export interface StateDuty {
  readonly obligation: Obligation;
  readonly status: ObligationStatus;
  readonly dueDate?: IsoDate;
}

export interface StateBoardPage {
  readonly state: MemberState;
  readonly asOf: IsoDate;
  readonly regime?: string;
  /** Every regime the catalogue names, for the picker. */
  readonly regimes: readonly string[];
  /** Longest overdue first, then by deadline. */
  readonly duties: readonly StateDuty[];
}

const daysOverdue = (status: ObligationStatus): number =>
  status.status === 'overdue' ? status.daysOverdue : status.status === 'deadline-passed' ? status.daysPassed : 0;

/**
 * `GET /board/states/{code}`: every duty the state owes (those that apply to it, and conditional
 * ones only once their trigger is recorded), with status, due date, days overdue and sources;
 * narrowed to one regime when asked. The same data and reads as the board.
 */
export const stateBoardPage = async (
  rawCode: string,
  query: { readonly asOf?: IsoDate; readonly regime?: string },
  deps: StandingDependencies & { readonly clock: Clock },
): Promise<StateBoardPage> => {
  const state = findState(rawCode);
  const data = await loadStandingData(deps);
  const at = query.asOf === undefined ? deps.clock.now() : endOfUtcDay(query.asOf);
  const regimes = [...new Set(data.obligations.flatMap((o) => (o.regime === undefined ? [] : [o.regime])))].sort();
  const obligations = data.obligations.filter((o) => query.regime === undefined || o.regime === query.regime);
  const byId = new Map(obligations.map((o) => [o.id, o]));
  const board = buildStatusBoard({
    ...data,
    at,
    obligations,
    states: memberStates().filter((s) => s.alpha2 === state.alpha2),
  });
  const duties = board.obligations.flatMap((column): StateDuty[] => {
    const standing = column.states[0];
    const obligation = byId.get(column.obligation.id);
    if (!standing || !obligation || standing.status.status === 'not-applicable') return [];
    return [
      { obligation, status: standing.status, ...(standing.dueDate === undefined ? {} : { dueDate: standing.dueDate }) },
    ];
  });
  return {
    state,
    asOf: utcDateOf(at),
    ...(query.regime === undefined ? {} : { regime: query.regime }),
    regimes,
    duties: duties.sort((a, b) => daysOverdue(b.status) - daysOverdue(a.status)),
  };
};

const regimePicker = (page: StateBoardPage): string => {
  const link = (regime: string | undefined, label: string) => {
    const params = new URLSearchParams({ asOf: page.asOf, ...(regime === undefined ? {} : { regime }) });
    const current = regime === page.regime;
    return `<a href="./${escapeHtml(page.state.alpha2)}?${escapeHtml(params.toString())}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  };
  return `<nav aria-label="Regime">Regime: ${[link(undefined, 'all'), ...page.regimes.map((regime) => link(regime, regime))].join(' · ')}</nav>`;
};

/** The paragraph's words; one not in English is marked with its language and says what it is. */
const quoteBlock = ({ quote, quoteLanguage }: Obligation): string => {
  if (quote === undefined) return '';
  if (quoteLanguage === undefined) return `<blockquote>${escapeHtml(quote)}</blockquote>`;
  return `<blockquote lang="${quoteLanguage}">${escapeHtml(quote)}</blockquote><p class="muted">${escapeHtml(quoteLanguageNote(quoteLanguage))}</p>`;
};

const dutyRow = ({ obligation, status, dueDate }: StateDuty): string => {
  const source = obligation.source.url
    ? `<a href="${escapeHtml(obligation.source.url)}">${escapeHtml(obligation.source.document)}</a>`
    : escapeHtml(obligation.source.document);
  const cells = [
    `<td>${escapeHtml(obligation.title)}<br><span class="muted">${escapeHtml(`${obligation.regime ?? 'no regime'} · committee ${obligation.committee ?? 'unknown'} · resolution ${obligation.resolution}, paragraph ${obligation.paragraph}`)}</span></td>`,
    `<td data-status="${escapeHtml(status.status)}">${escapeHtml(statusStyles[status.status].label)}<br><span class="muted">${escapeHtml(statusDetail(status))}</span></td>`,
    `<td>${dueDate === undefined ? 'no fixed deadline' : escapeHtml(formatDate(dueDate))}</td>`,
    `<td class="num">${daysOverdue(status) > 0 ? String(daysOverdue(status)) : ''}</td>`,
    `<td>${source}${quoteBlock(obligation)}</td>`,
  ];
  return `<tr data-obligation="${escapeHtml(obligation.id)}">${cells.join('')}</tr>`;
};

/** The per-state page: plain HTML, no scripts (the pages' policy forbids them); the regime picker is links. */
export const renderStateBoardPage = (page: StateBoardPage): string => {
  const title = `${page.state.name}: reporting record`;
  return [
    ...htmlDocumentHead(title, `<style>${boardStyles()}</style>`),
    `<body data-state="${escapeHtml(page.state.alpha2)}" data-as-of="${escapeHtml(page.asOf)}">`,
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">${escapeHtml(`Every duty ${page.state.name} owes${page.regime === undefined ? '' : ` under the ${page.regime} regime`}, as of the end of ${formatDate(page.asOf)} (UTC)`)} · <a href="../../board">the board</a></p>`,
    regimePicker(page),
    '</header>',
    '<main>',
    page.duties.length === 0
      ? '<p>No duty applies.</p>'
      : `<table><thead><tr><th>Duty</th><th>Status</th><th>Due</th><th class="num">Days overdue</th><th>Source</th></tr></thead><tbody>${page.duties.map(dutyRow).join('')}</tbody></table>`,
    '</main>',
    '</body></html>',
  ].join('\n');
};
