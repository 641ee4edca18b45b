/** A CloudFormation template's resources, as far as resolving a function's environment needs them. */
export type TemplateResources = Readonly<Record<string, { readonly Type: string }>>;

/**
 * Where a template value is resolved: the resources of its template and, for a nested stack, the
 * parameters its parent passes it (values of the parent's template, resolved in the parent's scope).
 */
export interface TemplateScope {
  readonly resources: TemplateResources;
  readonly parameters?: {
    readonly values: Readonly<Record<string, unknown>>;
    readonly parent: TemplateScope;
  };
}

/** Where the stand-in stack "is deployed": values look like the real ones, so that adapters that check them at load pass. */
export const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const pseudoParameters: Readonly<Record<string, string>> = {
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'SanctionsWatch',
};

/** `AWS::SQS::Queue` → `sqs`: the ARN's service for a resource type. */
const serviceOf = (type: string): string => (type.split('::')[1] ?? '').toLowerCase();

const resourceType = (resources: TemplateResources, logicalId: string): string => {
  const resource = resources[logicalId];
  if (resource === undefined) throw new Error(`template has no resource ${logicalId}`);
  return resource.Type;
};

/**
 * What `Ref` returns: a nested stack's parameter is what its parent passes, as the parent sees it;
 * for the resource types a function's environment refers to, the logical id stands in for the
 * physical name.
 */
const refOf = ({ resources, parameters }: TemplateScope, logicalId: string): string => {
  const pseudo = pseudoParameters[logicalId];
  if (pseudo !== undefined) return pseudo;
  if (parameters !== undefined && logicalId in parameters.values)
    return resolveTemplateValue(parameters.values[logicalId], parameters.parent);
  const type = resourceType(resources, logicalId);
  if (type === 'AWS::SQS::Queue') return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${logicalId}`;
  return logicalId.toLowerCase();
};

const arnOf = (resources: TemplateResources, logicalId: string): string => {
  const type = resourceType(resources, logicalId);
  const resource = type === 'AWS::KMS::Key' ? `key/${logicalId}` : logicalId;
  return `arn:aws:${serviceOf(type)}:${REGION}:${ACCOUNT}:${resource}`;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A template value as the deployed function would see it, with stand-ins for what only a deployment
 * knows (names, ARNs, URLs). Handles the intrinsics the stack puts in environments; any other fails
 * loudly, so that a new one is added here rather than measured wrong.
 */
export const resolveTemplateValue = (value: unknown, scope: TemplateScope): string => {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const ref = value['Ref'];
    if (typeof ref === 'string') return refOf(scope, ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string')
      return arnOf(scope.resources, getAtt[0]);
    const join = value['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map((part: unknown) => resolveTemplateValue(part, scope)).join(join[0]);
    }
  }
  throw new Error(`cannot resolve template value ${JSON.stringify(value)}`);
};
