import * as z from 'zod/mini';

/**
 * The parts of an SES event record (as a configuration set publishes it to SNS) that say an
 * address must not be written to again. SES may add fields, so objects are not strict. See
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
const recipients = z.array(z.object({ emailAddress: z.string().check(z.minLength(3)) }));

const addressOf = ({ emailAddress }: { readonly emailAddress: string }): string => emailAddress;

const eventTypeSchema = z.object({ eventType: z.string() });

const bounceSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }) }),
);

const complaintSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    complaint: z.object({ complainedRecipients: recipients, complaintFeedbackType: z.optional(z.string()) }),
  }),
);

export interface EmailFeedbackEvent {
  /** `Bounce`, `Complaint`, or any other type SES names. */
  readonly eventType: string;
  /** The addresses to stop writing to: none for a transient bounce or an event of another type. */
  readonly addresses: readonly string[];
}

/**
 * Reads one SES event record (the SNS message's text). Only a permanent bounce (the mailbox does
 * not exist, or the address is on the suppression list) or a complaint stops an address; a
 * transient bounce (a full mailbox) is tried again by SES and stops nothing, nor does a `not-spam`
 * complaint (RFC 6430: a report that the message is not spam). Undefined for a record that is
 * not such an event, which the caller logs and skips.
 */
export const emailFeedbackOf = (message: string): EmailFeedbackEvent | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return undefined;
  }
  const typed = eventTypeSchema.safeParse(json);
  if (!typed.success) return undefined;
  const { eventType } = typed.data;
  switch (eventType) {
    case 'Bounce': {
      const parsed = bounceSchema.safeParse(json);
      if (!parsed.success) return undefined;
      const { bounceType, bouncedRecipients } = parsed.data.bounce;
      return { eventType, addresses: bounceType === 'Permanent' ? bouncedRecipients.map(addressOf) : [] };
    }
    case 'Complaint': {
      const parsed = complaintSchema.safeParse(json);
      if (!parsed.success) return undefined;
      const { complaintFeedbackType, complainedRecipients } = parsed.data.complaint;
      return { eventType, addresses: complaintFeedbackType === 'not-spam' ? [] : complainedRecipients.map(addressOf) };
    }
    default:
      // Deliveries, sends, delays ...: the configuration set publishes only bounces and complaints, but more would do no harm.
      return { eventType, addresses: [] };
  }
};
