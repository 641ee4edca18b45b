import type { AlertEventType } from '../alerts/alert-event.ts';
import { publicAlertEventTypes } from '../alerts/alert-event.ts';
import { escapeHtml } from '../board/escape-html.ts';
import { builtInGroups } from '../reference/groups.ts';
import { memberStates } from '../reference/member-states.ts';
import type { WatchTarget } from '../watches/watch.ts';

/** What each event is, in a subscriber's words. */
export const eventLabels: Record<AlertEventType, string> = {
  'deadline.approaching': 'A reporting deadline is near',
  'report.overdue': 'A state is overdue with its report',
  'deadline.passed': 'A reporting deadline has passed',
  'report.received': 'A state’s report was received',
  'figure.changed': 'A recorded figure changed',
  'source.proposal': 'A UN document may be a state’s report (admins only)',
};

/** The honeypot's name: people never see it; a form filler that fills every field does. */
export const HONEYPOT_FIELD = 'website';

const selected = (on: boolean): string => (on ? ' selected' : '');
const checked = (on: boolean): string => (on ? ' checked' : '');

/** The fields that choose states or groups and events, filled in with `current` (the manage page's). */
export const choiceFields = (
  current: { readonly target?: WatchTarget; readonly events?: readonly AlertEventType[] } = {},
): string => {
  const states = new Set(current.target?.states ?? []);
  const groups = new Set(current.target?.groups ?? []);
  const events = new Set(current.events ?? ['report.overdue', 'report.received']);
  const stateOptions = [...memberStates()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map(
      (state) =>
        `<option value="${state.alpha2}"${selected(states.has(state.alpha2))}>${escapeHtml(state.name)}</option>`,
    )
    .join('');
  const groupOptions = builtInGroups()
    .map(
      (group) =>
        `<option value="${escapeHtml(group.id)}"${selected(groups.has(group.id))}>${escapeHtml(group.name)}</option>`,
    )
    .join('');
  // The public form offers what anyone may subscribe to; proposals are for admins.
  const eventBoxes = publicAlertEventTypes
    .map(
      (type) =>
        `<label><input type="checkbox" name="events" value="${type}"${checked(events.has(type))}> ${escapeHtml(eventLabels[type])}</label>`,
    )
    .join('<br>');
  return [
    `<p><label>States <select name="states" multiple size="6">${stateOptions}</select></label></p>`,
    `<p><label>or groups <select name="groups" multiple size="6">${groupOptions}</select></label></p>`,
    `<fieldset><legend>Tell me when</legend>${eventBoxes}</fieldset>`,
  ].join('\n');
};

/**
 * The board's subscribe form: an email address or a phone number, states or groups, events, and
 * the honeypot, kept off screen and out of the tab order and of screen readers. It posts to
 * `subscriptions` beside the board, wherever the API is served.
 */
export const subscribeForm = (): string =>
  [
    '<section aria-labelledby="subscribe-heading" id="subscribe">',
    '<h2 id="subscribe-heading">Get these alerts</h2>',
    '<p class="muted">No account needed. We send a link (email) or a code (SMS) first; nothing else comes until you confirm. Every message has a link to change or stop them.</p>',
    '<form method="post" action="subscriptions" class="subscribe">',
    '<p><label>Email <input type="email" name="email" autocomplete="email" maxlength="254"></label>',
    ' or <label>phone <input type="tel" name="phone" autocomplete="tel" placeholder="+447700900123" pattern="\\+[1-9][0-9]{7,14}"></label></p>',
    choiceFields(),
    `<div style="position:absolute;left:-10000px" aria-hidden="true"><label>Leave this empty <input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></div>`,
    '<p><button type="submit">Subscribe</button></p>',
    '</form>',
    '</section>',
  ].join('\n');
