import { SetSMSAttributesCommand, type SNSClient } from '@aws-sdk/client-sns';

/**
 * Sets the account's monthly SMS spend limit in US dollars: SNS stops sending texts within minutes
 * of the month's charges crossing it. It cannot exceed the account's spending quota (1.00 USD for
 * a new account until AWS Support raises it).
 * https://docs.amazonaws.cn/goto/WebAPI/sns-2010-03-31/SetSMSAttributes
 * https://docs.amazonaws.cn/en_us/sns/latest/dg/channels-sms-awssupport-spend-threshold.html
 */
export const setSmsMonthlySpendLimit = async (client: SNSClient, usd: number): Promise<void> => {
  await client.send(new SetSMSAttributesCommand({ attributes: { MonthlySpendLimit: String(usd) } }));
};
