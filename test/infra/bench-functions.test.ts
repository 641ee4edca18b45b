import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthesizedFunctions } from '../../bench/synthesized-functions.ts';
import { assemblyDirectory, templates, useSynthesizedStack } from './synthesized-stack.ts';

useSynthesizedStack();

/** What `npm run bench -- coldstart` loads: the assembly's functions, as it finds them. */
const benchFunctions = () => synthesizedFunctions(assemblyDirectory);
const byId = (id: string) => {
  const found = benchFunctions().find((fn) => fn.id === id);
  if (found === undefined) throw new Error(`the bench finds no function ${id}`);
  return found;
};

describe("the cold-load bench's functions", () => {
  it('are every function the templates deploy, those of the nested route stack included, each with its bundle', () => {
    const deployed = [...templates.values()].flatMap((template) =>
      Object.keys(template.findResources('AWS::Lambda::Function')),
    );

    expect(benchFunctions()).toHaveLength(deployed.length);
    expect(benchFunctions().filter((fn) => !existsSync(fn.module))).toEqual([]);
    expect(benchFunctions().map((fn) => fn.id)).toEqual(
      expect.arrayContaining(['RouteFunctions/get-board', 'RouteFunctions/create-watch', 'Delivery/SmsSender/Handler']),
    );
  });

  it("get the environment their template gives them, a nested stack's parameters resolved to the stand-ins of what its parent passes", () => {
    const createWatch = byId('RouteFunctions/create-watch').environment;
    const smsSender = byId('Delivery/SmsSender/Handler').environment;

    expect(createWatch['TABLE_NAME']).toBe(smsSender['TABLE_NAME']);
    expect(createWatch['TABLE_NAME']).toMatch(/^datatable/);
    expect(createWatch['UNSUBSCRIBE_SECRET_ARN']).toBe(smsSender['UNSUBSCRIBE_SECRET_ARN']);
    expect(createWatch['UNSUBSCRIBE_SECRET_ARN']).toMatch(/^emailunsubscribesecret/);
    expect(createWatch['PUBLIC_API_URL']).toMatch(
      /^https:\/\/httpapi[0-9a-f]+\.execute-api\.eu-west-1\.amazonaws\.com\/$/,
    );
  });
});
