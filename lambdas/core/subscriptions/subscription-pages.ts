import { escapeHtml } from '../board/escape-html.ts';
import { addressOf, page } from '../contacts/link-page.ts';
import type { Subscription } from './manage-subscription.ts';
import { choiceFields, eventLabels } from './subscription-form.ts';

/**
 * What a sign-up answers, whatever became of it: the same page for an address asked now, asked
 * earlier today, subscribed already, or that cannot be reached, so it tells nobody anything.
 */
export const signupAnsweredPage = (channel: 'email' | 'sms', to: string): string =>
  channel === 'email'
    ? page(
        'Check your inbox',
        [
          `<p>If <strong>${escapeHtml(to)}</strong> can receive our mail, a link to confirm is on its way. Nothing is sent until it is used.</p>`,
          '<p>An address gets at most one such mail a day: if none came, ask again tomorrow.</p>',
        ].join('\n'),
      )
    : page(
        'Enter your code',
        [
          `<p>If <strong>${escapeHtml(to)}</strong> can receive our texts, a six-digit code is on its way. Nothing is sent until it is entered.</p>`,
          '<form method="post" action="subscriptions/verify">',
          `<input type="hidden" name="phone" value="${escapeHtml(to)}">`,
          '<p><label>Code <input type="text" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required></label></p>',
          '<p><button type="submit">Confirm</button></p>',
          '</form>',
          '<p>A number gets at most one such text a day: if none came, ask again tomorrow.</p>',
        ].join('\n'),
      );

/** What confirming a sign-up answers: it is on, and where to manage it (`manageHref`, relative to the page). */
export const subscribedPage = (contactId: string, manageHref: string): string =>
  page(
    'Subscribed',
    [
      `<p>sanctions-watch alerts will reach <strong>${escapeHtml(addressOf(contactId))}</strong>.</p>`,
      `<p><a href="${escapeHtml(manageHref)}">Manage your subscription</a>: change states and events, pause, or unsubscribe and erase. Every message carries this link.</p>`,
    ].join('\n'),
  );

/** A refusal as a page, for the forms: what went wrong and, over a budget, when to try again. */
export const refusalPage = (
  message: string,
  budget?: { readonly name: string; readonly retryAfterSeconds: number },
): string =>
  page(
    budget ? 'Too many sign-ups' : 'Not accepted',
    [
      `<p>${escapeHtml(message)}</p>`,
      ...(budget
        ? [
            `<p>Budget: <code>${escapeHtml(budget.name)}</code>. Try again in ${Math.ceil(budget.retryAfterSeconds / 60)} minutes.</p>`,
          ]
        : ['<p>Go back, correct it, and send the form again.</p>']),
    ].join('\n'),
  );

const targetText = (subscription: Required<Subscription>): string => {
  const { target } = subscription.watch;
  if (target.all) return 'all member states';
  return [...(target.states ?? []), ...(target.groups ?? []).map((group) => `group ${group}`)].join(', ');
};

/**
 * The manage page: the subscription as it stands, a form to change its states and events, pause
 * or resume, and unsubscribe and erase. Every form posts to the page's own signed link.
 */
export const managePage = (subscription: Subscription, token: string, notice?: string): string => {
  const action = escapeHtml(`?token=${token}`);
  const button = (name: string, text: string): string =>
    `<form method="post" action="${action}"><input type="hidden" name="action" value="${name}"><button type="submit">${text}</button></form>`;
  const { watch } = subscription;
  const about = watch
    ? [
        `<p>Status: <strong data-status="${watch.status}">${escapeHtml(watch.status)}</strong></p>`,
        `<p>States: ${escapeHtml(targetText({ contact: subscription.contact, watch }))}.</p>`,
        `<p>Events: ${escapeHtml(watch.events.map((type) => eventLabels[type]).join('; '))}.</p>`,
        `<form method="post" action="${action}"><input type="hidden" name="action" value="change">`,
        choiceFields(watch),
        '<p><button type="submit">Save changes</button></p></form>',
        watch.status === 'active' ? button('pause', 'Pause alerts') : '',
        watch.status === 'paused' ? button('resume', 'Resume alerts') : '',
      ]
    : ['<p>This address has no subscription made on the board (or it is not confirmed yet).</p>'];
  return page(
    'Your sanctions-watch subscription',
    [
      ...(notice ? [`<p role="status"><strong>${escapeHtml(notice)}</strong></p>`] : []),
      `<p>Address: <strong>${escapeHtml(addressOf(subscription.contact))}</strong></p>`,
      ...about,
      '<h2>Unsubscribe and erase</h2>',
      '<p>Stops every sanctions-watch message to this address, whoever set it up, and erases the address.</p>',
      button('erase', 'Unsubscribe and erase'),
    ].join('\n'),
  );
};
