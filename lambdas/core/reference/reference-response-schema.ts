import * as z from 'zod/mini';
import { unRegionalGroupIds } from './member-states.ts';

const areaSchema = z.strictObject({ code: z.string().check(z.regex(/^\d{3}$/)), name: z.string() });

/** A UN member state as the API lists it. */
export const memberStateSchema = z.strictObject({
  alpha2: z.string().check(z.regex(/^[A-Z]{2}$/)),
  alpha3: z.string().check(z.regex(/^[A-Z]{3}$/)),
  m49: z.string().check(z.regex(/^\d{3}$/)),
  name: z.string(),
  region: areaSchema,
  subRegion: areaSchema,
  intermediateRegion: z.optional(areaSchema),
  unRegionalGroup: z.enum(unRegionalGroupIds),
});

/** `GET /states`. */
export const stateListResponseSchema = z.strictObject({ count: z.int(), states: z.array(memberStateSchema) });

const groupKind = z.enum(['region', 'sub-region', 'intermediate-region', 'un-regional-group', 'custom']);

const groupSummaryFields = {
  id: z.string(),
  name: z.string(),
  kind: groupKind,
  memberCount: z.int(),
  description: z.optional(z.string()),
};

/** `GET /groups`. */
export const groupListResponseSchema = z.strictObject({
  count: z.int(),
  groups: z.array(z.strictObject(groupSummaryFields)),
});

/** `GET /groups/{id}`: the group and its members by code and name. */
export const groupResponseSchema = z.strictObject({
  ...groupSummaryFields,
  members: z.array(z.strictObject({ code: z.string(), name: z.string() })),
});

/** The `groups` of a state's profile. */
export const groupRefSchema = z.strictObject({ id: z.string(), name: z.string(), kind: groupKind });
