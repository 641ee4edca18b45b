/** What a local SDK client signs with: DynamoDB Local and the local SQS accept any credentials and region. */
export const localClientConfig = {
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;
