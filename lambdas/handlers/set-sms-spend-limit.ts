import * as z from 'zod/mini';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import { SMS_SPEND_LIMIT_PROPERTY } from '../contracts/sms-spend-limit.ts';
import { customResourceHandler } from './custom-resource.ts';
import { lazyHandler } from './lazy-handler.ts';

/** CloudFormation passes every resource property as a string. */
const propertiesSchema = z.object({
  [SMS_SPEND_LIMIT_PROPERTY]: z.string().check(z.regex(/^\d+(\.\d{1,2})?$/, 'a number of US dollars')),
});

/**
 * CloudFormation custom resource: sets the account's monthly SMS spend limit to the stack's
 * (`-c smsMonthlySpendLimit`) on create and on every update that changes it. On delete it leaves
 * the limit as it is: a lower limit is the safer one to leave behind.
 */
export const handlerFor = (deps: { readonly setMonthlySpendLimit: (usd: number) => Promise<void> }) =>
  customResourceHandler(() => ({
    physicalResourceId: 'sanctions-watch-sms-spend-limit',
    what: 'setting the monthly SMS spend limit',
    apply: async (event) => {
      const parsed = propertiesSchema.safeParse(event.ResourceProperties);
      if (!parsed.success) throw new Error(`${SMS_SPEND_LIMIT_PROPERTY} must be a number of US dollars`);
      const usd = Number(parsed.data[SMS_SPEND_LIMIT_PROPERTY]);
      await deps.setMonthlySpendLimit(usd);
      logger.info('monthly SMS spend limit set', { usd });
      return { reason: `MonthlySpendLimit set to ${usd} USD` };
    },
  }));

export const handler = lazyHandler(() => handlerFor({ setMonthlySpendLimit: aws.smsSpendLimit() }));
