import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AlertEventMessage } from '../../lambdas/core/alerts/alert-event-message.ts';
import { alertEventMessage } from '../../lambdas/core/alerts/alert-event-message.ts';
import type { AlertEventPublisher } from '../../lambdas/core/ports/alert-event-publisher.ts';

/** One line of the local machine feed: a message as the AlertEvents topic would carry it. */
export interface PublishedAlertEvent extends AlertEventMessage {
  readonly publishedAt: string;
}

/** Every message in a local machine-feed file, oldest first; none before the first is written. */
export const readAlertEventFeed = (file: string): PublishedAlertEvent[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as PublishedAlertEvent)
    : [];

/**
 * Where AWS has the AlertEvents topic: each published message (its body and its attributes, as a
 * subscriber's filter policy sees them) appended as a JSON line, beside the outbox, and a line
 * printed per batch.
 */
export const createOutboxAlertEventPublisher = (options: {
  readonly file: string;
  readonly now: () => Date;
  /** Where the one-line summaries go; console.log when absent. */
  readonly print?: (line: string) => void;
}): AlertEventPublisher => {
  const print = options.print ?? ((line: string) => console.log(line));
  return {
    publish: async (events) => {
      if (events.length === 0) return { failedIds: [] };
      const publishedAt = options.now().toISOString();
      const lines = events.map((event) => JSON.stringify({ publishedAt, ...alertEventMessage(event) }));
      await mkdir(dirname(options.file), { recursive: true });
      await appendFile(options.file, `${lines.join('\n')}\n`);
      const types = [...new Set(events.map((event) => event.type))].join(', ');
      print(`alert events: ${events.length} published (${types}) to ${options.file}`);
      return { failedIds: [] };
    },
  };
};
