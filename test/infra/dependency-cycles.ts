import type { Resource } from './template-queries.ts';

/** Logical ids each resource refers to (Ref, Fn::GetAtt) or waits for (DependsOn). */
export function resourceGraph(
  resources: Record<string, Resource & { DependsOn?: string | string[] }>,
): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => collect(item, into));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string' && value in resources) into.add(value);
        else if (key === 'Fn::GetAtt' && Array.isArray(value) && typeof value[0] === 'string' && value[0] in resources)
          into.add(value[0]);
        else collect(value, into);
      }
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    const edges = new Set<string>([resource.DependsOn ?? []].flat());
    collect(resource.Properties, edges);
    graph.set(id, edges);
  }
  return graph;
}

/** A dependency cycle as a list of logical ids, or undefined: CloudFormation rejects a template with one. */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
