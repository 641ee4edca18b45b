import { alertEventPublishStream, changeDetectionStream, waveAnnouncerStream } from '../lambdas/contracts/streams.ts';
import type { StreamPollerSettings } from './stream-poller.ts';

/** The table's stream consumers by their key in handler-registry.ts's `streamHandlers`. */
export type StreamConsumerKey = 'changeDetection' | 'waveAnnouncer' | 'alertEventPublishing';

export interface StreamConsumerDefinition {
  /** The function's name: in logs, in its Lambda context, and on its lines in the failure file. */
  readonly functionName: string;
  readonly settings: StreamPollerSettings;
  /** Appended to the checkpoint file's name, so each consumer keeps its own place. */
  readonly checkpointSuffix: string;
}

/**
 * How the local runtime runs each stream consumer, and how redrive finds the consumer of a
 * failed batch again (by function name), in one place.
 */
export const streamConsumers: Readonly<Record<StreamConsumerKey, StreamConsumerDefinition>> = {
  changeDetection: { functionName: 'detect-changes', settings: changeDetectionStream, checkpointSuffix: '' },
  waveAnnouncer: { functionName: 'announce-waves', settings: waveAnnouncerStream, checkpointSuffix: '-announcer' },
  alertEventPublishing: {
    functionName: 'publish-alert-events',
    settings: alertEventPublishStream,
    checkpointSuffix: '-alert-events',
  },
};
