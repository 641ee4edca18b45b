import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { handlerFor } from './send-jobs.ts';

/** The SMS sender, on the SMS queue: SNS, to the number. */
export const handler = lazyHandler(() => handlerFor(aws.smsSending()));
