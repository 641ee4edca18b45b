import { compareNames } from '../compare-names.ts';
import type { Figure } from '../figures/figure.ts';
import { formatAmount, formatDate, plural, sourceKindLabel } from '../messages/format.ts';
import { builtInGroups, findBuiltInGroup } from '../reference/groups.ts';
import { memberStates } from '../reference/member-states.ts';
import { stateName } from '../reference/state-names.ts';
import {
  type ObligationStatus,
  type ObligationStatusName,
  obligationStatusNames,
} from '../status/obligation-status.ts';
import { subscribeForm } from '../subscriptions/subscription-form.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import { renderBoardMap, statusClasses } from './board-map.ts';
import type { BoardPage, OverdueSort } from './board-page-query.ts';
import { overdueShade, overdueShades, statusesOfKind, statusStyles } from './board-palette.ts';
import { boardStyles } from './board-styles.ts';
import { escapeHtml } from './escape-html.ts';
import { renderHistoryChart } from './history-chart.ts';
import { htmlDocumentHead } from './html-document-head.ts';
import { statusDetail } from './status-text.ts';

/** The query string of the board's own links: the page as shown, with `changes` applied. */
const boardHref = (page: BoardPage, changes: { readonly sort?: OverdueSort } = {}): string => {
  const params = new URLSearchParams({ obligation: page.column.obligation.id, asOf: page.asOf });
  if (page.group !== undefined) params.set('group', page.group);
  const sort = changes.sort ?? page.sort;
  if (sort !== '-days') params.set('sort', sort);
  return `?${params.toString()}`;
};

const metricTitle = (page: BoardPage, metricId: string): string =>
  page.metrics.find((metric) => metric.id === metricId)?.title ?? metricId;

/** "11,490 permits, as of 31 December 2018 (UN report: Russia's midterm report)". */
const figureLine = (page: BoardPage, figure: Figure): string =>
  `${metricTitle(page, figure.metric)}: ${formatAmount(figure)} ${figure.unit}, as of ${formatDate(figure.asOf)} (${sourceKindLabel(figure.source.kind)}${figure.source.ref ? `: ${figure.source.ref}` : ''})`;

const swatch = (classes: string): string =>
  `<svg class="swatch" viewBox="0 0 28 18" aria-hidden="true"><rect width="28" height="18" class="${classes}"/></svg>`;

const badge = (status: ObligationStatus, text: string): string =>
  `<span class="badge ${statusClasses(status)}">${escapeHtml(text)}</span>`;

/** The usual statuses of the obligation's kind, then any other that a state is in. */
const statusOrder = (page: BoardPage): ObligationStatusName[] => {
  const usual = statusesOfKind[page.column.obligation.kind];
  return [...usual, ...obligationStatusNames.filter((name) => !usual.includes(name) && page.column.counts[name] > 0)];
};

/** "due 22 March 2019", or for a duty without a fixed deadline (open-ended, conditional) that it has none. */
const dueWords = (dueDate: IsoDate | undefined): string =>
  dueDate === undefined ? 'no fixed deadline' : `due ${formatDate(dueDate)}`;

/** Links, not a script: each keeps the day and the states shown and picks a regime (its next deadline first). */
const regimePicker = (page: BoardPage): string => {
  const link = (regime: string | undefined, label: string) => {
    const params = new URLSearchParams({
      asOf: page.asOf,
      ...(page.group === undefined ? {} : { group: page.group }),
      ...(regime === undefined ? {} : { regime }),
    });
    const current = regime === page.regime ? ' aria-current="page"' : '';
    return `<a href="?${escapeHtml(params.toString())}"${current}>${escapeHtml(label)}</a>`;
  };
  const links = [link(undefined, 'all'), ...page.regimes.map((regime) => link(regime, regime))];
  return `<nav class="regimes" aria-label="Regime">Regime: ${links.join(' · ')}</nav>`;
};

const controls = (page: BoardPage): string => {
  const obligationOptions = page.obligations
    .map(
      (o) =>
        `<option value="${escapeHtml(o.id)}"${o.id === page.column.obligation.id ? ' selected' : ''}>${escapeHtml(`${o.title} (${dueWords(o.dueDate)})`)}</option>`,
    )
    .join('');
  const groups = builtInGroups().map((group) => ({ id: group.id, name: group.name }));
  if (page.group !== undefined && !findBuiltInGroup(page.group))
    groups.push({ id: page.group, name: page.groupName ?? page.group });
  const groupOptions = groups
    .map(
      (group) =>
        `<option value="${escapeHtml(group.id)}"${group.id === page.group ? ' selected' : ''}>${escapeHtml(group.name)}</option>`,
    )
    .join('');
  return [
    regimePicker(page),
    '<form method="get" class="controls">',
    `<label>Obligation <select name="obligation">${obligationOptions}</select></label>`,
    `<label>As of <input type="date" name="asOf" value="${escapeHtml(page.asOf)}" min="1900-01-01" max="2999-12-31"></label>`,
    `<label>States <select name="group"><option value="">All member states</option>${groupOptions}</select></label>`,
    page.sort === '-days' ? '' : `<input type="hidden" name="sort" value="${page.sort}">`,
    page.regime === undefined ? '' : `<input type="hidden" name="regime" value="${escapeHtml(page.regime)}">`,
    '<button type="submit">Show</button>',
    '</form>',
  ].join('');
};

const legend = (page: BoardPage): string => {
  const { counts, overdue } = page.column;
  const items = statusOrder(page).map((name) => {
    const style = statusStyles[name];
    const sample = name === 'overdue' ? 's-overdue o3' : `s-${name}`;
    const shades =
      name === 'overdue'
        ? `<ul class="shades">${overdueShades
            .map((shade) => {
              const count = overdue.filter((state) => overdueShade(state.daysOverdue).level === shade.level).length;
              return `<li data-overdue-level="${shade.level}">${swatch(`s-overdue o${shade.level}`)} ${escapeHtml(shade.label)}: ${count}</li>`;
            })
            .join('')}</ul>`
        : '';
    return `<li data-status="${name}" data-count="${counts[name]}">${swatch(sample)} <strong>${escapeHtml(style.label)}</strong>: <span class="count">${counts[name]}</span> <span class="muted">${escapeHtml(style.meaning)}</span>${shades}</li>`;
  });
  items.push(
    `<li>${swatch('outside')} <strong>Not shown</strong> <span class="muted">Land that is no UN member state${page.group === undefined ? '' : ', or a state outside the chosen group'}.</span></li>`,
  );
  items.push(
    `<li><svg class="swatch" viewBox="0 0 28 18" aria-hidden="true"><circle cx="14" cy="9" r="5" class="s-not-due marker"/></svg> <strong>Circle</strong> <span class="muted">A state too small for the map's shapes (Tuvalu, Nauru, Singapore ...), coloured by its status.</span></li>`,
  );
  return `<section aria-labelledby="legend-heading"><h2 id="legend-heading">Legend and counts</h2><ul class="legend">${items.join('')}</ul></section>`;
};

const sortLinks = (page: BoardPage): string => {
  const options: readonly [OverdueSort, string][] = [
    ['-days', 'most days overdue first'],
    ['days', 'fewest days first'],
    ['name', 'by name'],
  ];
  return `<p class="sort">Order: ${options
    .map(([sort, text]) =>
      sort === page.sort
        ? `<strong aria-current="true">${text}</strong>`
        : `<a href="${escapeHtml(boardHref(page, { sort }))}" data-sort="${sort}">${text}</a>`,
    )
    .join(' · ')}</p>`;
};

const overdueSection = (page: BoardPage): string => {
  const { overdue } = page.column;
  if (page.column.obligation.kind !== 'report') return '';
  const items = overdue
    .map(
      (state) =>
        `<li data-code="${escapeHtml(state.code)}" data-days-overdue="${state.daysOverdue}">${escapeHtml(`${state.name} (${state.code})`)} ${badge({ status: 'overdue', daysOverdue: state.daysOverdue }, plural(state.daysOverdue, 'day'))}</li>`,
    )
    .join('');
  const list =
    overdue.length === 0 ? '<p>No state is overdue.</p>' : `${sortLinks(page)}<ol class="overdue-list">${items}</ol>`;
  return `<section aria-labelledby="overdue-heading" id="overdue"><h2 id="overdue-heading">Overdue: ${plural(overdue.length, 'state')}</h2>${list}</section>`;
};

/** The states on the board by status, folded (the overdue ones are listed above): the list that needs no map. */
const statesByStatus = (page: BoardPage, statuses: ReadonlyMap<string, ObligationStatus>): string => {
  const onBoard = memberStates().flatMap((state) => {
    const status = statuses.get(state.alpha2);
    return status ? [{ state, status }] : [];
  });
  const byStatus = Map.groupBy(onBoard, (entry) => entry.status.status);
  const listedAbove = page.column.obligation.kind === 'report' ? ['overdue'] : [];
  const blocks = statusOrder(page).flatMap((name) => {
    const entries = (byStatus.get(name) ?? []).sort((a, b) => compareNames(a.state.name, b.state.name));
    if (entries.length === 0 || listedAbove.includes(name)) return [];
    const items = entries
      .map(
        ({ state, status }) =>
          `<li data-code="${state.alpha2}" data-status="${status.status}">${escapeHtml(state.name)} (${state.alpha2}): ${escapeHtml(statusDetail(status))}</li>`,
      )
      .join('');
    const first = entries[0];
    return [
      `<details data-status="${name}"><summary>${first ? badge(first.status, statusStyles[name].label) : ''} ${plural(entries.length, 'state')}</summary><ul class="state-list">${items}</ul></details>`,
    ];
  });
  return `<section aria-labelledby="states-heading"><h2 id="states-heading">${listedAbove.length > 0 ? 'The other states' : 'Every state'}, by status</h2>${blocks.join('')}</section>`;
};

const sourceCell = (figure: Figure): string => {
  const { kind, ref, url } = figure.source;
  const text = escapeHtml(`${sourceKindLabel(kind)}${ref ? `: ${ref}` : ''}`);
  // Only web links: a stored URL passed validation, but a page must never carry a script: link.
  return url !== undefined && /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener">${text}</a>`
    : text;
};

const figuresSection = (page: BoardPage): string => {
  const rows = page.figures
    .map(
      (figure) =>
        `<tr data-code="${escapeHtml(figure.state)}" data-metric="${escapeHtml(figure.metric)}"><td>${escapeHtml(stateName(figure.state))}</td><td>${escapeHtml(metricTitle(page, figure.metric))}</td><td class="num">${escapeHtml(`${formatAmount(figure)} ${figure.unit}`)}</td><td>${escapeHtml(formatDate(figure.asOf))}</td><td>${sourceCell(figure)}</td></tr>`,
    )
    .join('');
  const body =
    page.figures.length === 0
      ? '<p>No figures recorded for these states.</p>'
      : `<table class="figures"><thead><tr><th scope="col">State</th><th scope="col">Metric</th><th scope="col" class="num">Figure</th><th scope="col">As of</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<section aria-labelledby="figures-heading"><h2 id="figures-heading">Latest figures</h2><p class="muted">The latest recorded figure of each metric, whatever the date shown above.</p>${body}</section>`;
};

/** The whole board page: server-rendered HTML, no script, every piece of text escaped. */
export const renderBoardPage = (page: BoardPage): string => {
  const { obligation } = page.column;
  const statuses = new Map(page.column.states.map((entry) => [entry.code, entry.status]));
  const figuresOf = Map.groupBy(page.figures, (figure) => figure.state);
  const scope =
    page.group === undefined
      ? `all ${memberStates().length} member states`
      : `${page.groupName ?? page.group} (${plural(statuses.size, 'state')})`;
  const title = `${obligation.title}: status as of ${formatDate(page.asOf)}`;
  const map = renderBoardMap({
    caption: `Map of ${scope} coloured by status on "${obligation.title}" as of ${formatDate(page.asOf)}`,
    statuses,
    titleOf: (state, status) =>
      [
        `${state.name} (${state.alpha2}): ${statusDetail(status)}`,
        ...(figuresOf.get(state.alpha2) ?? []).map((figure) => figureLine(page, figure)),
      ].join('\n'),
    outsideTitle: (state) =>
      `${state.name} (${state.alpha2}): outside ${page.group === undefined ? 'the board' : (page.groupName ?? page.group)}`,
  });
  const statusJson = new URLSearchParams({
    asOf: page.asOf,
    obligation: obligation.id,
    ...(page.group === undefined ? {} : { group: page.group }),
  });
  return [
    ...htmlDocumentHead(title, `<style>${boardStyles()}</style>`),
    `<body data-obligation="${escapeHtml(obligation.id)}" data-as-of="${escapeHtml(page.asOf)}">`,
    '<header>',
    `<h1>${escapeHtml(obligation.title)}</h1>`,
    `<p class="muted">${escapeHtml(`Resolution ${obligation.resolution}, paragraph ${obligation.paragraph} · ${dueWords(obligation.dueDate)} · status as of the end of ${formatDate(page.asOf)} (UTC) · ${scope}`)}</p>`,
    controls(page),
    '</header>',
    '<main>',
    `<section aria-label="Map">${map}</section>`,
    page.history
      ? `<section aria-labelledby="history-heading"><h2 id="history-heading">Reports over time</h2>${renderHistoryChart(page.history.days, page.history.states)}</section>`
      : '',
    legend(page),
    overdueSection(page),
    statesByStatus(page, statuses),
    figuresSection(page),
    subscribeForm(),
    '</main>',
    `<footer class="muted"><p>A report counts from the day the Committee received it, else the date it bears. Map: Natural Earth (1:110m) through world-atlas. The same statuses as JSON: <a href="status?${escapeHtml(statusJson.toString())}">GET /status</a>.</p></footer>`,
    '</body></html>',
  ].join('\n');
};
