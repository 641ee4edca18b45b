// @ts-check
import base from './stryker.config.mjs';

/**
 * `npm run mutate:rules`: the seven core files issue 12 measured (91.8% then), where the service's
 * rules live: calendar dates, deadline events, a state's status, figure changes, SMS wording and
 * fitting, and watch matching. Their tests must kill at least 95% of the mutants.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  mutate: [
    'lambdas/core/time/calendar-date.ts',
    'lambdas/core/checks/deadline-events.ts',
    'lambdas/core/status/evaluate-status.ts',
    'lambdas/core/changes/figure-change.ts',
    'lambdas/core/messages/sms-message.ts',
    'lambdas/core/messages/fit-parts.ts',
    'lambdas/core/watches/match-events.ts',
  ],
  incrementalFile: 'reports/stryker-incremental-rules.json',
  htmlReporter: { fileName: 'reports/mutation-rules/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-rules/mutation.json' },
  thresholds: { high: 95, low: 90, break: 95 },
};
