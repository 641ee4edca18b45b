/**
 * Errors the domain raises on purpose. Each names what a caller did wrong and, where one field
 * is to blame, which field; the HTTP edge maps the kind to a status code. Anything that is not a
 * DomainError is a fault of ours and is answered with a generic 500.
 */
/**
 * `unavailable`: a service we depend on (SES, SNS) is busy or failing; asking again later can work.
 * `over-budget`: the request would send more than a budget allows (see send-budgets.ts); it may be
 * asked again after `retryAfterSeconds`.
 */
export type DomainErrorKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'over-budget';

/** Which budget a refused request would have overrun, and when asking again can work. */
export interface BudgetRefusal {
  readonly budget: string;
  readonly retryAfterSeconds: number;
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly field: string | undefined;
  readonly refusal: BudgetRefusal | undefined;

  constructor(kind: DomainErrorKind, code: string, message: string, field?: string, refusal?: BudgetRefusal) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = field;
    this.refusal = refusal;
  }
}

export const invalidInput = (field: string, message: string, code = 'invalid-input'): DomainError =>
  new DomainError('invalid-input', code, message, field);

export const notFound = (code: string, message: string, field?: string): DomainError =>
  new DomainError('not-found', code, message, field);

export const conflict = (code: string, message: string, field?: string): DomainError =>
  new DomainError('conflict', code, message, field);

export const unauthenticated = (message: string): DomainError =>
  new DomainError('unauthenticated', 'unauthenticated', message);

export const forbidden = (message: string): DomainError => new DomainError('forbidden', 'forbidden', message);

export const unavailable = (code: string, message: string): DomainError =>
  new DomainError('unavailable', code, message);

export const overBudget = (refusal: BudgetRefusal, message: string): DomainError =>
  new DomainError('over-budget', 'over-budget', message, undefined, refusal);
