import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/lambda-bundling.ts';
import { resolveTemplateValue, type TemplateResources, type TemplateScope } from './template-values.ts';

/** A Lambda function of the synthesized stack: its deployed code and the environment the template gives it. */
export interface SynthesizedFunction {
  /** Construct path below the stack, e.g. `get-board` or `DeadlineCheck/Handler`. */
  readonly id: string;
  /** The asset's handler module (`index.handler` → `index.mjs`). */
  readonly module: string;
  /** Every file of the asset, as zipped for upload. */
  readonly assetFiles: readonly string[];
  readonly memorySize: number;
  /** The template's variables, intrinsics resolved to stand-ins (see template-values.ts). */
  readonly environment: Readonly<Record<string, string>>;
}

const STACK = 'SanctionsWatch';

interface LambdaResource {
  readonly Type: 'AWS::Lambda::Function';
  readonly Properties: {
    readonly Handler: string;
    readonly MemorySize: number;
    readonly Code: { readonly S3Key: string };
    readonly Environment?: { readonly Variables: Readonly<Record<string, unknown>> };
  };
}

/** A nested stack: its template is an asset (the last part of its URL), and it gets its parameters from the parent. */
interface NestedStackResource {
  readonly Type: 'AWS::CloudFormation::Stack';
  readonly Properties: {
    readonly TemplateURL: { readonly 'Fn::Join': readonly [string, readonly unknown[]] };
    readonly Parameters?: Readonly<Record<string, unknown>>;
  };
}

interface AssetManifest {
  readonly files: Readonly<
    Record<string, { readonly displayName: string; readonly source: { readonly path: string } }>
  >;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/**
 * `cdk synth` into `outdir`, offline: runs the app as the CDK CLI does (bin/app.ts, cdk-nag
 * included) with cdk.json's context, without the CLI's version check and notices, which go online.
 */
export const synthesize = (outdir: string): void => {
  const cdkJson = readJson(join(projectRoot, 'cdk.json')) as { readonly context: Record<string, unknown> };
  execFileSync(process.execPath, [join(projectRoot, 'bin', 'app.ts')], {
    cwd: projectRoot,
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(cdkJson.context) },
    // esbuild reports every bundle on stderr; execFileSync puts it in the error if the synth fails.
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
};

/** The asset a template refers to by its S3 key or URL ending `<hash>.zip` or `<hash>.json`. */
const assetNamed = (assets: AssetManifest, key: string) => {
  const asset = assets.files[key.replace(/^.*\//, '').replace(/\.(zip|json)$/, '')];
  if (asset === undefined) throw new Error(`no asset for ${key}`);
  return asset;
};

/** The functions of one template, then those of each stack nested in it. */
const functionsOf = (
  outdir: string,
  assets: AssetManifest,
  templateFile: string,
  scope: Omit<TemplateScope, 'resources'>,
): SynthesizedFunction[] => {
  const { Resources: resources } = readJson(join(outdir, templateFile)) as { readonly Resources: TemplateResources };
  const here: TemplateScope = { ...scope, resources };
  const lambdas = Object.values(resources).filter(
    (resource): resource is LambdaResource => resource.Type === 'AWS::Lambda::Function',
  );
  const nestedStacks = Object.values(resources).filter(
    (resource): resource is NestedStackResource => resource.Type === 'AWS::CloudFormation::Stack',
  );
  return [
    ...lambdas.map(({ Properties: { Handler, MemorySize, Code, Environment } }) => {
      const asset = assetNamed(assets, Code.S3Key);
      const directory = join(outdir, asset.source.path);
      const moduleName = Handler.slice(0, Handler.lastIndexOf('.'));
      const environment = Object.fromEntries(
        Object.entries(Environment?.Variables ?? {}).map(([name, value]) => [name, resolveTemplateValue(value, here)]),
      );
      return {
        id: asset.displayName.replace(/\/Function\/Code$/, ''),
        module: join(directory, `${moduleName}.mjs`),
        assetFiles: readdirSync(directory).map((file) => join(directory, file)),
        memorySize: MemorySize,
        environment,
      };
    }),
    ...nestedStacks.flatMap(({ Properties: { TemplateURL, Parameters } }) => {
      const url = TemplateURL['Fn::Join'][1].at(-1);
      if (typeof url !== 'string')
        throw new Error(`cannot read a nested stack's template URL ${JSON.stringify(TemplateURL)}`);
      return functionsOf(outdir, assets, assetNamed(assets, url).source.path, {
        parameters: { values: Parameters ?? {}, parent: here },
      });
    }),
  ];
};

/** Every function of a cloud assembly that `synthesize` wrote, those of its nested stacks (the routes') included. */
export const synthesizedFunctions = (outdir: string): SynthesizedFunction[] =>
  functionsOf(outdir, readJson(join(outdir, `${STACK}.assets.json`)) as AssetManifest, `${STACK}.template.json`, {});
