import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BudgetHolder } from '../../core/budgets/send-budgets.ts';
import type { DailyBudgets, DailySendCounter } from '../../core/ports/stores.ts';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import { contactPartition } from './contact-key.ts';
import { releaseDailyCount, takeDailyCount } from './daily-count.ts';

const counterKey = (contact: string, day: IsoDate) => ({ PK: contactPartition(contact), SK: `SENT#${day}` });

/** Messages per contact per UTC day: `CONTACT#<hash>` / `SENT#<day>`. */
export class DynamoDailySendCounter implements DailySendCounter {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  take(contact: string, day: IsoDate, cap: number): Promise<boolean> {
    return takeDailyCount(this.#client, this.#tableName, counterKey(contact, day), day, cap);
  }

  release(contact: string, day: IsoDate): Promise<void> {
    return releaseDailyCount(this.#client, this.#tableName, counterKey(contact, day));
  }
}

/** An address's budget beside its contact (`CONTACT#<hash>`, the address never in a key), an owner's under `OWNER#<sub>`, the deployment's under `ACCOUNT`. */
const budgetKey = (holder: BudgetHolder, budget: string, day: IsoDate) => ({
  PK: 'contact' in holder ? contactPartition(holder.contact) : 'owner' in holder ? `OWNER#${holder.owner}` : 'ACCOUNT',
  SK: `BUDGET#${budget}#${day}`,
});

/** Daily budgets of what requests sent: `<holder>` / `BUDGET#<budget>#<day>`, removed by TTL a day after. */
export class DynamoDailyBudgets implements DailyBudgets {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  take(holder: BudgetHolder, budget: string, day: IsoDate, limit: number): Promise<boolean> {
    return takeDailyCount(this.#client, this.#tableName, budgetKey(holder, budget, day), day, limit);
  }

  release(holder: BudgetHolder, budget: string, day: IsoDate): Promise<void> {
    return releaseDailyCount(this.#client, this.#tableName, budgetKey(holder, budget, day));
  }
}
