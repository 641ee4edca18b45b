import { Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.ts';

const { AwsSolutionsChecks, ServerlessChecks } = cdkNag;

describe('cdk-nag', () => {
  const packs = [
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ] as const;

  it.each(packs)(
    '%s finds nothing unacknowledged (errors or warnings)',
    (_name, createPack) => {
      const testApp = createTestApp();
      try {
        // Synthesized first, as `cdk synth` checks it: only then do the nested stack's functions name
        // what they take from the root stack by the parameters CDK passes it in.
        testApp.app.synth();
        const report = createPack().validateScope(testApp.app);
        const findings = report.violations.map(
          (violation) =>
            `${violation.severity} ${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
        );
        expect(findings).toEqual([]);
        expect(report.success).toBe(true);
      } finally {
        testApp.dispose();
      }
    },
    120_000,
  );

  it('lets synth pass with both packs attached as bin/app.ts attaches them', () => {
    const testApp = createTestApp();
    try {
      Validations.of(testApp.app).addPlugins(new AwsSolutionsChecks(testApp.app), new ServerlessChecks(testApp.app));
      // Under vitest CDK runs "in memory" and throws on a failed validation instead of setting the exit code.
      expect(() => testApp.app.synth()).not.toThrow();
    } finally {
      testApp.dispose();
    }
  });
});
