import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEND_BUDGET_ENV, SMS_COUNTRIES_ENV } from '../../lambdas/contracts/environment.ts';
import { sourceCheckContext } from '../../lib/constructs/source-check.ts';
import { checkSchedule, sendBudgetsContext, smsCountriesContext } from '../../lib/sanctions-watch-stack.ts';
import { notifyingFunctions } from './stack-functions.ts';
import { environmentOf, type Resource, stackTemplates } from './template-queries.ts';
import { createTestApp, type TestApp } from './test-app.ts';

describe('dev stack (-c dev=true)', () => {
  let testApp: TestApp;
  let template: Template;
  beforeAll(() => {
    testApp = createTestApp({ context: { dev: 'true' } });
    template = Template.fromStack(testApp.stack);
  });
  afterAll(() => testApp.dispose());

  it('destroys the table without deletion protection', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('destroys its user pool without deletion protection', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  });

  it('destroys its keys (the email feedback and AlertEvents topics)', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  it('destroys its log groups', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(logGroups.map((logGroup) => logGroup.DeletionPolicy)).toEqual(logGroups.map(() => 'Delete'));
  });
});

describe('checkSchedule context', () => {
  it('replaces the default schedule (-c checkSchedule=rate(1 hour))', () => {
    const testApp = createTestApp({ context: { checkSchedule: 'rate(1 hour)' } });
    try {
      const template = Template.fromStack(testApp.stack);
      template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
      // The hourly delivery job keeps its own schedule.
      template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 * * * ? *)' });
    } finally {
      testApp.dispose();
    }
  });

  it('rejects anything but a cron(...) or rate(...) expression at synth time', () => {
    const app = new App({ context: { checkSchedule: 'daily at six' } });
    try {
      expect(() => checkSchedule(app)).toThrow(/cron\(\.\.\.\) or rate\(\.\.\.\)/);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});

describe('send budgets context', () => {
  it('sets the budgets a deployment names on every notifying function, and leaves the rest at their defaults', () => {
    const testApp = createTestApp({
      context: { budgetCodesPerNumber: '2', budgetTextsPerOwner: 5, budgetAccountTextsPerDay: '40' },
    });
    try {
      const templates = stackTemplates();
      for (const fn of notifyingFunctions(testApp.stack)) {
        const environment = environmentOf(templates, fn);
        expect(environment, fn.node.path).toMatchObject({
          [SEND_BUDGET_ENV.codesPerNumber]: '2',
          [SEND_BUDGET_ENV.textsPerOwner]: '5',
        });
        expect(environment[SEND_BUDGET_ENV.confirmationsPerAddress], fn.node.path).toBeUndefined();
      }
      // The deployment's texts a day bind the SMS sender's alerts too; without it in context, it keeps its default.
      expect(
        environmentOf(templates, testApp.stack.delivery.smsSender.handler)[SEND_BUDGET_ENV.accountTextsPerDay],
      ).toBe('40');
    } finally {
      testApp.dispose();
    }
  });

  it('sets the public sign-up budgets from context on the sign-up function (defaults: 1 per address a day, 100 an hour)', () => {
    const testApp = createTestApp({ context: { budgetSignupsPerHour: '20', budgetSignupsPerAddress: 1 } });
    try {
      const signup = notifyingFunctions(testApp.stack).find(
        (fn) => fn.node.path === 'SanctionsWatch/RouteFunctions/create-subscription',
      );
      expect(signup).toBeDefined();
      expect(signup && environmentOf(stackTemplates(), signup)).toMatchObject({
        [SEND_BUDGET_ENV.signupsPerHour]: '20',
        [SEND_BUDGET_ENV.signupsPerAddress]: '1',
      });
    } finally {
      testApp.dispose();
    }
  });

  it('rejects a budget that is not a whole number from 1 to 10000 at synth time, naming the context key', () => {
    const app = new App({ context: { budgetConfirmationsPerAddress: '0' } });
    expect(() => sendBudgetsContext(app)).toThrow(
      /Context budgetConfirmationsPerAddress must be a whole number from 1 to 10000, got "0"/,
    );
    expect(sendBudgetsContext(new App({ context: { budgetTestsPerAddress: '4' } }))).toEqual({ testsPerAddress: 4 });
  });
});

describe('SMS countries context', () => {
  it('takes * or calling codes, and rejects anything else at synth time', () => {
    expect(smsCountriesContext(new App({ context: { smsCountries: '1, 44,33' } }))).toBe('1,44,33');
    expect(smsCountriesContext(new App({ context: { smsCountries: '*' } }))).toBe('*');
    expect(smsCountriesContext(new App())).toBeUndefined();
    expect(() => smsCountriesContext(new App({ context: { smsCountries: '+44' } }))).toThrow(
      /Context smsCountries must be \* or country calling codes/,
    );
  });

  it('hands the list to every notifying function', () => {
    const testApp = createTestApp({ context: { smsCountries: '44' } });
    try {
      const templates = stackTemplates();
      for (const fn of notifyingFunctions(testApp.stack))
        expect(environmentOf(templates, fn)[SMS_COUNTRIES_ENV], fn.node.path).toBe('44');
    } finally {
      testApp.dispose();
    }
  });
});

describe('source job context', () => {
  it("reads autoAccept (on only when true) and the feeds' https URLs, and refuses a URL that is not https", () => {
    expect(sourceCheckContext(new App())).toEqual({ autoAccept: false });
    expect(
      sourceCheckContext(
        new App({
          context: {
            autoAccept: 'true',
            sourceDailyIssuanceUrl: 'https://feeds.example.org/{date}.json',
            sourceDigitalLibraryUrl: 'https://library.example.org/search?p=S%2FAC.49',
          },
        }),
      ),
    ).toEqual({
      autoAccept: true,
      dailyIssuanceUrl: 'https://feeds.example.org/{date}.json',
      digitalLibraryUrl: 'https://library.example.org/search?p=S%2FAC.49',
    });
    expect(sourceCheckContext(new App({ context: { autoAccept: 'yes' } })).autoAccept).toBe(false);
    expect(() =>
      sourceCheckContext(new App({ context: { sourceDailyIssuanceUrl: 'http://feeds.example.org' } })),
    ).toThrow(/Context sourceDailyIssuanceUrl must be an https URL/);
  });
});
