import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface StreamCheckpoints {
  /** The sequence number of the last record done with (processed, dropped by the filter or discarded) in the shard. */
  get(shardId: string): string | undefined;
  set(shardId: string, sequenceNumber: string): Promise<void>;
}

interface CheckpointFile {
  readonly streamArn: string;
  readonly shards: Record<string, string>;
}

const readCheckpointFile = async (file: string): Promise<CheckpointFile | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CheckpointFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Where the local poller got to in each shard, as Lambda keeps it for an event source mapping.
 * With a file it survives restarts; without, it lives in memory. A file written for another
 * stream is ignored: a recreated table has a new stream whose sequence numbers start again.
 */
export const openStreamCheckpoints = async (streamArn: string, file?: string): Promise<StreamCheckpoints> => {
  const saved = file === undefined ? undefined : await readCheckpointFile(file);
  const shards = new Map(saved?.streamArn === streamArn ? Object.entries(saved.shards) : []);
  if (file !== undefined) await mkdir(dirname(file), { recursive: true });
  return {
    get: (shardId) => shards.get(shardId),
    set: async (shardId, sequenceNumber) => {
      shards.set(shardId, sequenceNumber);
      if (file === undefined) return;
      const content: CheckpointFile = { streamArn, shards: Object.fromEntries(shards) };
      // Written aside and renamed, so a crash mid-write never leaves a torn file behind.
      await writeFile(`${file}.tmp`, `${JSON.stringify(content, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
    },
  };
};
