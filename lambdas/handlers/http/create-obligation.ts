import * as aws from '../../aws-dependencies.ts';
import { defineObligation } from '../../core/obligations/obligation.ts';
import { dueOf, obligationInputSchema } from '../../core/obligations/obligation-schema.ts';
import { withRegistryDefaults } from '../../core/obligations/registry-defaults.ts';
import type { CustomGroupStore, ObligationCatalogue } from '../../core/ports/stores.ts';
import { findGroup } from '../../core/reference/group-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

/** POST /obligations (admin) — adds an obligation to the catalogue; 409 if the id is taken. */
export const handlerFor = (deps: {
  readonly obligations: ObligationCatalogue;
  readonly customGroups: Pick<CustomGroupStore, 'get'>;
}) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const { dueOffsetMonths, due, ...input } = jsonBody(event, obligationInputSchema);
    const rule = dueOf({ due, dueOffsetMonths });
    if (rule === undefined) throw new Error('the input schema admits no obligation without a due rule');
    const obligation = withRegistryDefaults(
      defineObligation({ ...input, due: rule, ...(dueOffsetMonths === undefined ? {} : { dueOffsetMonths }) }),
    );
    if (obligation.appliesTo.scope === 'group')
      await findGroup(obligation.appliesTo.groupId, deps.customGroups, 'appliesTo.groupId');
    await deps.obligations.create(obligation);
    return created(obligation);
  });

export const handler = lazyHandler(() =>
  handlerFor({ obligations: aws.obligations(), customGroups: aws.customGroups() }),
);
