/** The user pool group whose members administer the service: Cognito's (lib/) and the local identity's. */
export const ADMIN_GROUP = 'admins';
