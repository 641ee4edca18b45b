import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order the two workers take test files in: the end-to-end files first, as they are the longest
 * (a worker that starts one last finishes the run alone), then the other service files, and the infra
 * files last, when the stack's one bundled synthesis (a child process started by the infra global
 * setup) is done. Vitest's own order runs projects by name, so both workers began with infra files
 * and sat idle for most of a minute waiting for esbuild. Within each rank, Vitest's order stands:
 * slowest first by the last run's timings, or largest first on a clean clone.
 */
const rank = (spec: TestSpecification): number => {
  if (spec.project.name === 'infra') return 2;
  return spec.moduleId.includes('/test/e2e/') ? 0 : 1;
};

export default class SuiteOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.toSorted((a, b) => rank(a) - rank(b));
  }
}
