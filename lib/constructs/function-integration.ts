import { Stack } from 'aws-cdk-lib';
import type { HttpRouteIntegrationBindOptions } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * The integration of one function, shared by every route to it. HttpLambdaIntegration already makes
 * its Integration resource once, but a Lambda permission for each route it binds to (each scoped to
 * `*\/*<path>`: any stage, any method, the route's path). This one makes a permission the first time
 * it meets a path, so that another route to the same function and path (HEAD beside GET) costs one
 * Route resource and nothing more; the `$default` route has no path, and gets `*\/*`.
 */
export class FunctionIntegration extends HttpLambdaIntegration {
  readonly #handler: IFunction;
  readonly #permittedPaths = new Set<string>();

  constructor(id: string, handler: IFunction) {
    super(id, handler);
    this.#handler = handler;
  }

  protected override completeBind({ route }: HttpRouteIntegrationBindOptions): void {
    const path = route.path ?? '';
    if (this.#permittedPaths.has(path)) return;
    this.#permittedPaths.add(path);
    this.#handler.addPermission(`ApiPermission${path}`, {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(route).formatArn({
        service: 'execute-api',
        resource: route.httpApi.apiId,
        resourceName: `*/*${path}`,
      }),
    });
  }
}
