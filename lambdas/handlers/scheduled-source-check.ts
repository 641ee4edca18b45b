import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { RequestCounter } from '../adapters/dynamodb/request-counter.ts';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import { runSourceCheck, type SourceCheckDependencies } from '../core/sources/run-source-check.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';
import { scheduledInstant } from './scheduled-instant.ts';

export interface SourceCheckSummary {
  readonly at: string;
  readonly proposals: number;
  readonly feeds: readonly { readonly feed: string; readonly proposals: number; readonly failed: boolean }[];
}

/**
 * EventBridge's hourly source job. Each unreadable record and each feed that stopped is logged with
 * the feed and where; once every feed has had its turn, a run in which a feed stopped fails, so
 * EventBridge retries it and the dead-letter queue and its alarm tell an operator.
 */
export const handlerFor = (deps: SourceCheckDependencies & { readonly requests: Pick<RequestCounter, 'total'> }) =>
  middy<ScheduledEvent, SourceCheckSummary>()
    .use(requestLogging())
    .handler(async (event) => {
      const at = scheduledInstant(event, 'read');
      const requestsBefore = deps.requests.total();
      const outcome = await runSourceCheck(at, deps);
      for (const feed of outcome.feeds) {
        for (const error of feed.recordErrors) {
          logger.warn('feed record unreadable', { feed: feed.feed, position: error.position, error: error.message });
        }
        if (feed.failure) logger.error('feed stopped', { feed: feed.feed, ...feed.failure, watermark: feed.to });
        const { recordErrors, ...read } = feed;
        logger.info('feed read', { ...read, unreadableRecords: recordErrors.length });
      }
      const summary: SourceCheckSummary = {
        at: outcome.at,
        proposals: outcome.feeds.reduce((sum, feed) => sum + feed.proposals, 0),
        feeds: outcome.feeds.map((feed) => ({
          feed: feed.feed,
          proposals: feed.proposals,
          failed: feed.failure !== undefined,
        })),
      };
      logger.info('source check done', { ...summary, dynamoDbRequests: deps.requests.total() - requestsBefore });
      const failed = outcome.feeds.filter((feed) => feed.failure);
      if (failed.length > 0) {
        throw new Error(
          `Source check: ${failed.map((feed) => `${feed.feed} stopped (${feed.failure?.message})`).join('; ')}`,
        );
      }
      return summary;
    });

export const handler = lazyHandler(() => handlerFor({ ...aws.sourceCheck(), requests: aws.requests() }));
