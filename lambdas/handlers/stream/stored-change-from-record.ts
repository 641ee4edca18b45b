import type { DynamoDBRecord } from 'aws-lambda';
import type { StoredChange } from '../../core/changes/detect-changes.ts';
import { changeWaveId } from '../../core/delivery/wave-id.ts';
import { storedFigureSchema } from '../../core/figures/figure-schema.ts';
import { storedReportSchema } from '../../core/reports/report-schema.ts';
import { foundProposalSchema } from '../../core/sources/stored-proposal.ts';
import { PoisonRecordError, parse, plain } from './stream-image.ts';

export type ClassifiedRecord =
  | { readonly kind: 'change'; readonly change: StoredChange; readonly waveId: string }
  | { readonly kind: 'skip'; readonly reason: string };

const isReportProposal = (image: Record<string, unknown> | undefined): boolean => {
  const proposal = image?.proposal;
  return typeof proposal === 'object' && proposal !== null && (proposal as { kind?: unknown }).kind === 'report';
};

/**
 * Reads a stream record as a change the service alerts on, or says why it is skipped. Records of
 * kinds the processor does not handle (removals, TTL expiries, other item types, events with an
 * unknown name) are skipped, never failed; malformed images of handled kinds are poison.
 */
export const classifyRecord = (record: DynamoDBRecord): ClassifiedRecord => {
  const eventName: string | undefined = record.eventName;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY') {
    const byService = record.userIdentity?.type === 'Service';
    return {
      kind: 'skip',
      reason:
        eventName === 'REMOVE' ? (byService ? 'removed by TTL' : 'removed') : `unknown event name ${String(eventName)}`,
    };
  }
  const current = plain(record.dynamodb?.NewImage);
  if (!current) throw new PoisonRecordError(`${eventName} record without a new image`);
  const previous = plain(record.dynamodb?.OldImage);
  // The write's own time, not the processor's: a redelivered record lands in the same wave.
  const writtenAt = record.dynamodb?.ApproximateCreationDateTime;
  if (writtenAt === undefined) throw new PoisonRecordError(`${eventName} record without its creation time`);
  const waveId = changeWaveId(new Date(writtenAt * 1000));
  switch (current.itemType) {
    case 'report':
      return eventName === 'INSERT'
        ? {
            kind: 'change',
            change: { kind: 'report-recorded', report: parse(storedReportSchema, current, 'report') },
            waveId,
          }
        : { kind: 'skip', reason: 'a recorded report was edited' };
    case 'figure-latest':
      return {
        kind: 'change',
        change: {
          kind: 'latest-figure-written',
          current: parse(storedFigureSchema, current, 'latest figure'),
          ...(previous ? { previous: parse(storedFigureSchema, previous, 'previous latest figure') } : {}),
        },
        waveId,
      };
    case 'source-document':
      // New once it holds a report proposal it did not hold before: an amendment, or an original's
      // placeholder an amendment created, is no proposal; a decision is no news of this kind.
      return isReportProposal(current) && !isReportProposal(previous)
        ? {
            kind: 'change',
            change: { kind: 'proposal-found', proposal: parse(foundProposalSchema, current, 'proposal') },
            waveId,
          }
        : { kind: 'skip', reason: 'not a newly found report proposal' };
    default:
      return { kind: 'skip', reason: `item type ${String(current.itemType)} is not watched` };
  }
};
