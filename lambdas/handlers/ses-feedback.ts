import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import { emailFeedbackOf } from '../adapters/ses/ses-feedback-event.ts';
import * as aws from '../aws-dependencies.ts';
import { stopEmailAddresses } from '../core/contacts/email-feedback.ts';
import type { StopContactDependencies } from '../core/contacts/stop-contact.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';

export interface SesFeedbackOutcome {
  /** Contacts turned `gone`, or found gone already and their watches brought in line. */
  readonly stopped: number;
  /** Records that were not an SES event: logged and passed over. */
  readonly skipped: number;
}

/**
 * SES's bounces and complaints, published by the email configuration set to its SNS topic: a
 * permanent bounce or a complaint turns the address's contact `gone` and stops its watches, so
 * nothing is sent to it again (SES's account-level suppression list would drop it anyway, but the
 * watches' owners see why). A record that cannot be read is logged and skipped: retrying it could
 * not help. A failing table fails the invocation, which Lambda retries and then dead-letters.
 */
export const handlerFor = (deps: StopContactDependencies) =>
  middy<SNSEvent, SesFeedbackOutcome>()
    .use(requestLogging())
    .handler(async (event) => {
      let stopped = 0;
      let skipped = 0;
      for (const record of event.Records) {
        const feedback = emailFeedbackOf(record.Sns.Message);
        if (!feedback) {
          skipped += 1;
          logger.warn('SES feedback record skipped: not an SES event', { messageId: record.Sns.MessageId });
          continue;
        }
        const contacts = await stopEmailAddresses(feedback.addresses, deps);
        stopped += contacts.length;
        // Counts only: addresses stay out of the logs.
        logger.info('SES feedback applied', {
          messageId: record.Sns.MessageId,
          eventType: feedback.eventType,
          addresses: feedback.addresses.length,
          stopped: contacts.length,
        });
      }
      return { stopped, skipped };
    });

export const handler = lazyHandler(() => handlerFor(aws.contactAccess()));
