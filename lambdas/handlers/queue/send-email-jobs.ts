import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { handlerFor } from './send-jobs.ts';

/** The email sender, on the email queue: SES. */
export const handler = lazyHandler(() => handlerFor(aws.emailSending()));
