/** An alert event's item: `EVENT#<id>`, the id derived from its dedup key (DynamoAlertEventStore). */
export const alertEventKey = (id: string) => ({ PK: `EVENT#${id}`, SK: 'EVENT' });
