import { LoggedFailureSink } from '../lambdas/adapters/logged-failure-sink.ts';
import { logger } from '../lambdas/adapters/logger.ts';
import {
  type DeliveryQueueName,
  SENDER_RESERVE_MILLIS,
  THROTTLE_BACKOFF,
} from '../lambdas/contracts/delivery-queues.ts';
import type { QueueConsumerSettings } from '../lambdas/contracts/queue-consumer.ts';
import type { RouteId } from '../lambdas/contracts/routes.ts';
import type { ChangeDetectionDependencies } from '../lambdas/core/changes/detect-changes.ts';
import { bothChannels } from '../lambdas/core/delivery/outgoing-message.ts';
import type { WaveAnnouncer } from '../lambdas/core/ports/delivery-pipeline.ts';
import type { SourceCheckDependencies } from '../lambdas/core/sources/run-source-check.ts';
import { handlerFor as acceptProposal } from '../lambdas/handlers/http/accept-proposal.ts';
import { handlerFor as confirm } from '../lambdas/handlers/http/confirm.ts';
import { handlerFor as createImport } from '../lambdas/handlers/http/create-import.ts';
import { handlerFor as createMetric } from '../lambdas/handlers/http/create-metric.ts';
import { handlerFor as createObligation } from '../lambdas/handlers/http/create-obligation.ts';
import { handlerFor as createSubscription } from '../lambdas/handlers/http/create-subscription.ts';
import { handlerFor as createWatch } from '../lambdas/handlers/http/create-watch.ts';
import { handlerFor as deleteMe } from '../lambdas/handlers/http/delete-me.ts';
import { handlerFor as deleteWatch } from '../lambdas/handlers/http/delete-watch.ts';
import { handlerFor as getApiDocs } from '../lambdas/handlers/http/get-api-docs.ts';
import { handlerFor as getBoard } from '../lambdas/handlers/http/get-board.ts';
import { handlerFor as getCalendar } from '../lambdas/handlers/http/get-calendar.ts';
import { handlerFor as getConfirmation } from '../lambdas/handlers/http/get-confirmation.ts';
import { handlerFor as getFigureHistory } from '../lambdas/handlers/http/get-figure-history.ts';
import { handlerFor as getGroup } from '../lambdas/handlers/http/get-group.ts';
import { handlerFor as getManage } from '../lambdas/handlers/http/get-manage.ts';
import { handlerFor as getObligationHistory } from '../lambdas/handlers/http/get-obligation-history.ts';
import { handlerFor as getOpenApiDocument } from '../lambdas/handlers/http/get-openapi-document.ts';
import { handlerFor as getState } from '../lambdas/handlers/http/get-state.ts';
import { handlerFor as getStateBoard } from '../lambdas/handlers/http/get-state-board.ts';
import { handlerFor as getStatusBoard } from '../lambdas/handlers/http/get-status-board.ts';
import { handlerFor as getUnsubscribe } from '../lambdas/handlers/http/get-unsubscribe.ts';
import { handlerFor as getWatch } from '../lambdas/handlers/http/get-watch.ts';
import { handlerFor as getWatchFeed } from '../lambdas/handlers/http/get-watch-feed.ts';
import { handlerFor as getWorldFigureHistory } from '../lambdas/handlers/http/get-world-figure-history.ts';
import { handlerFor as listAlerts } from '../lambdas/handlers/http/list-alerts.ts';
import { handlerFor as listGroups } from '../lambdas/handlers/http/list-groups.ts';
import { handlerFor as listMetrics } from '../lambdas/handlers/http/list-metrics.ts';
import { handlerFor as listObligations } from '../lambdas/handlers/http/list-obligations.ts';
import { handlerFor as listProposals } from '../lambdas/handlers/http/list-proposals.ts';
import { handlerFor as listStateFigures } from '../lambdas/handlers/http/list-state-figures.ts';
import { handlerFor as listStates } from '../lambdas/handlers/http/list-states.ts';
import { handlerFor as listWatchDeliveries } from '../lambdas/handlers/http/list-watch-deliveries.ts';
import { handlerFor as listWatches } from '../lambdas/handlers/http/list-watches.ts';
import { handlerFor as listWorldFigures } from '../lambdas/handlers/http/list-world-figures.ts';
import { handlerFor as manage } from '../lambdas/handlers/http/manage.ts';
import { handlerFor as previewWatch } from '../lambdas/handlers/http/preview-watch.ts';
import { handlerFor as recordFigure } from '../lambdas/handlers/http/record-figure.ts';
import { handlerFor as recordReport } from '../lambdas/handlers/http/record-report.ts';
import { handlerFor as recordTrigger } from '../lambdas/handlers/http/record-trigger.ts';
import { handlerFor as recordWorldFigure } from '../lambdas/handlers/http/record-world-figure.ts';
import { handlerFor as rejectProposal } from '../lambdas/handlers/http/reject-proposal.ts';
import { handlerFor as requestWatchConfirmation } from '../lambdas/handlers/http/request-watch-confirmation.ts';
import { handlerFor as rotateWatchFeedKey } from '../lambdas/handlers/http/rotate-watch-feed-key.ts';
import { handlerFor as runCheck } from '../lambdas/handlers/http/run-check.ts';
import { handlerFor as testWatch } from '../lambdas/handlers/http/test-watch.ts';
import { handlerFor as unsubscribe } from '../lambdas/handlers/http/unsubscribe.ts';
import { handlerFor as updateWatch } from '../lambdas/handlers/http/update-watch.ts';
import { handlerFor as verifySubscription } from '../lambdas/handlers/http/verify-subscription.ts';
import { handlerFor as verifyWatch } from '../lambdas/handlers/http/verify-watch.ts';
import { handlerFor as planShards } from '../lambdas/handlers/queue/plan-shards.ts';
import { handlerFor as planWaves } from '../lambdas/handlers/queue/plan-waves.ts';
import { handlerFor as sendJobs } from '../lambdas/handlers/queue/send-jobs.ts';
import { handlerFor as scheduledDeadlineCheck } from '../lambdas/handlers/scheduled-deadline-check.ts';
import { handlerFor as scheduledDelivery } from '../lambdas/handlers/scheduled-delivery.ts';
import { handlerFor as scheduledSourceCheck } from '../lambdas/handlers/scheduled-source-check.ts';
import { handlerFor as announceWaves } from '../lambdas/handlers/stream/announce-waves.ts';
import { handlerFor as detectChanges } from '../lambdas/handlers/stream/detect-changes.ts';
import {
  type PublishAlertEventsDependencies,
  handlerFor as publishAlertEvents,
} from '../lambdas/handlers/stream/publish-alert-events.ts';
import type { HttpLambda } from './http-server.ts';
import type { LocalDependencies } from './local-dependencies.ts';
import type { QueuePollerOptions } from './queues/queue-poller.ts';
import type { StreamLambda } from './stream-consumer.ts';
import type { StreamConsumerKey } from './stream-consumers.ts';

type QueueLambda = QueuePollerOptions['handler'];

/**
 * What a function that sends outside the pipeline (a watch's test message) is built with, as in
 * AWS: what the provider refused for good is logged and counted, not parked, for it carries no job
 * to replay (lambdas/adapters/logged-failure-sink.ts).
 */
const outsideThePipeline = (deps: LocalDependencies): LocalDependencies => ({
  ...deps,
  failures: new LoggedFailureSink(logger, deps.serviceMetrics),
});

/**
 * Every route's handler, built with the local runtime's (or a test's) dependencies: the same
 * modules the stack bundles, through their `handlerFor`. Keyed by route id, so a route the
 * table gains without a handler here fails the typecheck.
 */
export const httpHandlers = (deps: LocalDependencies): Record<RouteId, HttpLambda> => ({
  'list-states': listStates(deps),
  'get-state': getState(deps),
  'record-report': recordReport(deps),
  'list-state-figures': listStateFigures(deps),
  'get-figure-history': getFigureHistory(deps),
  'record-figure': recordFigure(deps),
  'list-world-figures': listWorldFigures(deps),
  'get-world-figure-history': getWorldFigureHistory(deps),
  'record-world-figure': recordWorldFigure(deps),
  'list-groups': listGroups(deps),
  'get-group': getGroup(deps),
  'list-obligations': listObligations(deps),
  'get-obligation-history': getObligationHistory(deps),
  'create-obligation': createObligation(deps),
  'list-metrics': listMetrics(deps),
  'create-metric': createMetric(deps),
  'get-status-board': getStatusBoard(deps),
  'get-board': getBoard(deps),
  'get-state-board': getStateBoard(deps),
  'record-trigger': recordTrigger(deps),
  'list-alerts': listAlerts(deps),
  'get-calendar': getCalendar(deps),
  'run-check': runCheck(deps),
  'create-import': createImport(deps),
  'create-watch': createWatch(deps),
  'list-watches': listWatches(deps),
  'get-watch': getWatch(deps),
  'update-watch': updateWatch(deps),
  'delete-watch': deleteWatch(deps),
  'delete-me': deleteMe(deps),
  'request-watch-confirmation': requestWatchConfirmation(deps),
  'verify-watch': verifyWatch(deps),
  'test-watch': testWatch(outsideThePipeline(deps)),
  'list-watch-deliveries': listWatchDeliveries(deps),
  'preview-watch': previewWatch(deps),
  'rotate-watch-feed-key': rotateWatchFeedKey(deps),
  'get-watch-feed': getWatchFeed(deps),
  'get-unsubscribe': getUnsubscribe(deps),
  unsubscribe: unsubscribe(deps),
  'get-confirmation': getConfirmation(deps),
  confirm: confirm(deps),
  'create-subscription': createSubscription(deps),
  'verify-subscription': verifySubscription(deps),
  'get-manage': getManage(deps),
  manage: manage(deps),
  'get-openapi-document': getOpenApiDocument(),
  'get-api-docs': getApiDocs(),
  'list-proposals': listProposals(deps),
  'accept-proposal': acceptProposal(deps),
  'reject-proposal': rejectProposal(deps),
});

/** What the stream consumers need, which redrive builds without the rest of the local runtime. */
export type StreamHandlerDependencies = ChangeDetectionDependencies &
  PublishAlertEventsDependencies & { readonly announcer: WaveAnnouncer };

/** The table's stream consumers: change detection, then the wave announcer and the machine feed on the alert events it stores. */
export const streamHandlers = (deps: StreamHandlerDependencies): Record<StreamConsumerKey, StreamLambda> => ({
  changeDetection: detectChanges(deps),
  waveAnnouncer: announceWaves(deps),
  alertEventPublishing: publishAlertEvents(deps),
});

/**
 * The delivery pipeline's SQS-fed functions, by the queue each consumes, with the timings of the
 * queues as they run here (see delivery-queue-definitions.ts); both senders send to the outbox.
 */
export const queueHandlers = (
  deps: LocalDependencies,
  settingsOf: (name: DeliveryQueueName) => QueueConsumerSettings,
): Record<DeliveryQueueName, QueueLambda> => {
  const sender = (channel: 'email' | 'sms') => {
    const { visibilityTimeoutSeconds, timeoutSeconds } = settingsOf(channel);
    return sendJobs(
      {
        ...deps,
        // As in AWS, each sender renders its own channel only.
        renderers: { [channel]: bothChannels[channel] },
        claimSeconds: visibilityTimeoutSeconds,
        backoff: {
          visibility: deps.messageVisibility(channel),
          // A shortened visibility timeout (--retry-after) caps the backoff too: it is never longer than a plain retry.
          policy: { ...THROTTLE_BACKOFF, maxSeconds: Math.min(THROTTLE_BACKOFF.maxSeconds, visibilityTimeoutSeconds) },
          random: deps.random,
        },
      },
      { reserveMillis: Math.min(SENDER_RESERVE_MILLIS, (timeoutSeconds * 1000) / 3) },
    );
  };
  return {
    waves: planWaves({
      ...deps,
      planning: { ...deps.planning, leaseSeconds: settingsOf('waves').timeoutSeconds },
    }),
    shards: planShards(deps),
    email: sender('email'),
    sms: sender('sms'),
  };
};

/** EventBridge's two scheduled functions. */
export const scheduledHandlers = (deps: LocalDependencies) => ({
  deadlineCheck: scheduledDeadlineCheck(deps),
  delivery: scheduledDelivery(deps),
});

/** The hourly source job, on feeds the local runtime serves (local/source-feed-server.ts). */
export const sourceCheckHandler = (
  deps: LocalDependencies,
  sources: Pick<SourceCheckDependencies, 'feeds' | 'settings'>,
) => scheduledSourceCheck({ ...deps, ...sources });
