import { describe, it } from 'vitest';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import { arnOf, cfn, logicalId, type Resource } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('reference data seed', () => {
    it('is a custom resource served by the seed function, versioned by its bundle', () => {
      const seedFunction = template.toJSON()['Resources'][logicalId(cfn(stack.seed.handler.function))] as Resource;
      const { S3Key } = seedFunction.Properties['Code'] as { S3Key: string };
      template.hasResourceProperties('Custom::ReferenceDataSeed', {
        ServiceToken: arnOf(cfn(stack.seed.handler.function)),
        SeedVersion: S3Key.replace(/\.zip$/, ''),
      });
    });
  });
});
