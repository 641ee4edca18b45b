/**
 * Event records shaped as SES publishes them to SNS through a configuration set, after the
 * examples in https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html
 */
export const mail = {
  timestamp: '2017-08-05T00:40:02.012Z',
  source: 'Sender Name <sender@example.com>',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
  sendingAccountId: '123456789012',
  messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
  destination: ['recipient@example.com'],
  tags: { 'ses:configuration-set': ['ConfigSet'] },
};

/** A Bounce record of `bounceType` (Permanent, Transient, Undetermined) for the addresses, as the SNS message's text. */
export const bounce = (bounceType: string, ...addresses: string[]) =>
  JSON.stringify({
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: 'General',
      bouncedRecipients: addresses.map((emailAddress) => ({
        emailAddress,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      })),
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reportingMTA: 'dsn; mta.example.com',
    },
    mail,
  });

/** A Complaint record with the ISP's feedback type, if any, for the addresses, as the SNS message's text. */
export const complaint = (feedbackType: string | undefined, ...addresses: string[]) =>
  JSON.stringify({
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: addresses.map((emailAddress) => ({ emailAddress })),
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      userAgent: 'Mozilla/5.0',
      ...(feedbackType ? { complaintFeedbackType: feedbackType } : {}),
      arrivalDate: '2017-08-05T00:41:02.669Z',
    },
    mail,
  });
