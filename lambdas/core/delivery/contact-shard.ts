import { createHash } from 'node:crypto';
import { CONTACT_SHARDS } from '../../contracts/table-schema.ts';

/**
 * The shard a contact's watches are indexed in: every watch of one contact in one shard, so a
 * shard job sees all of a contact's matches and sends it one message. A hash, so shards fill
 * evenly whatever the addresses look like.
 */
export const contactShard = (contact: string): number =>
  createHash('sha256').update(contact, 'utf8').digest().readUInt32BE(0) % CONTACT_SHARDS;

/** Every shard number, in order: what a wave fans out to. */
export const allShards = (): number[] => Array.from({ length: CONTACT_SHARDS }, (_, shard) => shard);
