/** SNS topic names: ASCII letters, digits, `-` and `_`, 1 to 256 characters. */
const TOPIC_NAME_MAX_LENGTH = 256;
const TOPIC_NAME_CHARS = /^[A-Za-z0-9_-]*$/;

/** Characters of the address hash that follow the prefix in a contact topic's name. */
export const CONTACT_TOPIC_HASH_LENGTH = 24;

/**
 * Fails on a prefix that would make every contact topic's name invalid: the stack checks it at
 * synth, the functions at cold start.
 */
export const checkTopicPrefix = (prefix: string): void => {
  if (!TOPIC_NAME_CHARS.test(prefix) || prefix.length + CONTACT_TOPIC_HASH_LENGTH > TOPIC_NAME_MAX_LENGTH) {
    throw new Error(
      `Configuration error: SNS topic prefix ${JSON.stringify(prefix)} must be letters, digits, - or _ and at most ${TOPIC_NAME_MAX_LENGTH - CONTACT_TOPIC_HASH_LENGTH} characters`,
    );
  }
};
