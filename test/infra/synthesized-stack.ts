import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, inject } from 'vitest';
import type { BaseFunction } from '../../lib/constructs/base-function.ts';
import type { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';
import { type SynthesisStatus, synthesisPaths } from './synthesis-paths.ts';
import { cfn, resourceOf } from './template-queries.ts';
import { createTestApp } from './test-app.ts';

type AssetManifest = {
  files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Waits for synthesized-stack.global-setup.ts to finish this synthesis; fails if it failed. */
async function finishedSynthesis(directory: string): Promise<ReturnType<typeof synthesisPaths>> {
  const paths = synthesisPaths(directory);
  while (!existsSync(paths.status)) await sleep(250);
  const status = readJson(paths.status) as SynthesisStatus;
  if (!status.ok) {
    throw new Error(`synthesizing the stack failed (exit ${status.exit}):\n${readFileSync(paths.log, 'utf8')}`);
  }
  return paths;
}

/** For the hook that waits for the synthesis: esbuild takes minutes on a busy two-core machine. */
const synthesisTimeout = 300_000;

// The infra project does not isolate its test files: the files a worker runs share what one load set.
let loadedFrom: string | undefined;

/** The template `cdk synth` deploys, from this test run's one bundled synthesis. Set by useSynthesizedStack(). */
export let template: Template;

/**
 * The same stack built again without bundling, to name its constructs: logical ids derive from
 * construct paths, so they are those of `template`. Its own assets are not the deployed ones.
 * Set by useSynthesizedStack().
 */
export let stack: SanctionsWatchStack;

/**
 * The deployed template of the stack a construct is in: the root stack's (`template`) or a nested
 * stack's, such as the route functions'. Set by useSynthesizedStack().
 */
export let templateOf: (construct: IConstruct) => Template;

/** Every deployed template, the root stack's first, by the path of its stack. Set by useSynthesizedStack(). */
export let templates: ReadonlyMap<string, Template>;

/** The cloud assembly's directory, as `cdk synth` writes cdk.out. Set by useSynthesizedStack(). */
export let assemblyDirectory: string;

/** The directory of a function's bundle in the assembly: index.mjs and index.mjs.map. Set by useSynthesizedStack(). */
export let bundleDirectory: (fn: BaseFunction) => string;

/**
 * Sets `template`, `templateOf`, `templates`, `stack`, `assemblyDirectory` and `bundleDirectory` before the calling file's tests: the stack as
 * deployed, synthesized with bundling once per test run and shared by the infra test files, so no
 * test may change it. The first files wait for esbuild.
 */
export function useSynthesizedStack(): void {
  beforeAll(async () => {
    const directory = inject('synthesisDirectory');
    if (loadedFrom === directory) return;
    const paths = await finishedSynthesis(directory);
    // Inside the synthesis directory, which the global setup removes.
    stack = createTestApp({ outdir: mkdtempSync(path.join(paths.directory, 'constructs-')) }).stack;
    const read = (file: string) => Template.fromJSON(readJson(path.join(paths.assembly, file)) as object);
    const nested = stack.node.findAll().filter((construct) => construct instanceof NestedStack);
    const byStack = new Map<string, Template>([
      [stack.node.path, read(stack.templateFile)],
      ...nested.map((nestedStack) => [nestedStack.node.path, read(nestedStack.templateFile)] as const),
    ]);
    // Nested stacks' assets (their templates and their functions' code) are published with the root's.
    const assets = readJson(path.join(paths.assembly, `${stack.artifactId}.assets.json`)) as AssetManifest;
    templates = byStack;
    assemblyDirectory = paths.assembly;
    template = byStack.get(stack.node.path) as Template;
    templateOf = (construct) => {
      const found = byStack.get(Stack.of(construct).node.path);
      if (!found) throw new Error(`${construct.node.path}: no synthesized template for its stack`);
      return found;
    };
    bundleDirectory = (fn) => {
      const { S3Key } = resourceOf(templateOf(fn), cfn(fn.function)).Properties['Code'] as { S3Key: string };
      const asset = Object.values(assets.files).find((file) =>
        Object.values(file.destinations).some((destination) => destination.objectKey === S3Key),
      );
      if (!asset) throw new Error(`${fn.node.path}: no asset in the assembly uploads to ${S3Key}`);
      return path.join(paths.assembly, asset.source.path);
    };
    loadedFrom = directory;
  }, synthesisTimeout);
}
