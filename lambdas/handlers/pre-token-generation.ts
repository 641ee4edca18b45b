import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import middy from '@middy/core';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { cognitoTotpEnrolment, type TotpEnrolment } from '../adapters/cognito/totp-enrolment.ts';
import { logger } from '../adapters/logger.ts';
import { groupsWithoutUnprovenAdmin } from '../core/identity/admin-mfa.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';

/**
 * Cognito's pre token generation trigger (event version 2, so the access token the API's
 * authorizer reads changes too): a member of `admins` without a TOTP device gets tokens without
 * that group, so the admin routes answer 403 until they enrol one. Only admins' sign-ins ask
 * Cognito about the device; everyone else's tokens pass unchanged.
 */
export const handlerFor = (deps: { readonly totpEnrolment: TotpEnrolment }) =>
  middy<PreTokenGenerationV2TriggerEvent, PreTokenGenerationV2TriggerEvent>()
    .use(requestLogging())
    .handler(async (event) => {
      const unproven = await groupsWithoutUnprovenAdmin(event.request.groupConfiguration.groupsToOverride ?? [], () =>
        deps.totpEnrolment(event.userPoolId, event.userName),
      );
      if (!unproven) return event;
      logger.warn('admin group left out of the tokens: no TOTP device enrolled', {
        sub: event.request.userAttributes.sub,
        trigger: event.triggerSource,
      });
      return {
        ...event,
        response: { claimsAndScopeOverrideDetails: { groupOverrideDetails: { groupsToOverride: [...unproven] } } },
      };
    });

export const handler = lazyHandler(() =>
  handlerFor({ totpEnrolment: cognitoTotpEnrolment(new CognitoIdentityProviderClient({})) }),
);
