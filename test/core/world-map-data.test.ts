import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { worldMap } from '../../lambdas/core/board/world-map.ts';
import { mapDataModuleUrl, renderWorldMapModule } from '../../scripts/world-map-source.ts';

describe('generated world-map data', () => {
  it('equals what `npm run gen:map` produces from the installed world-atlas', () => {
    expect(readFileSync(mapDataModuleUrl, 'utf8'), 'countries-110m.data.ts is stale: run `npm run gen:map`').toBe(
      renderWorldMapModule(),
    );
  });

  it('draws the map once and hands the same drawing to every later page', () => {
    const first = worldMap();
    expect(first.shapes.size).toBeGreaterThan(150);
    expect(worldMap()).toBe(first);
  });

  it('draws the sea inside the map: no point of its outline falls outside the viewBox', () => {
    const { sphere, width, height } = worldMap();
    const numbers = (text: string) => (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const points: [number, number][] = [];
    for (const subpath of sphere.match(/M[^M]+/g) ?? []) {
      const [moveTo = '', steps = ''] = subpath.replace(/z$/, '').slice(1).split('l');
      let [x = 0, y = 0] = numbers(moveTo);
      points.push([x, y]);
      const deltas = numbers(steps);
      for (let index = 0; index + 1 < deltas.length; index += 2) {
        x += deltas[index] ?? 0;
        y += deltas[index + 1] ?? 0;
        points.push([x, y]);
      }
    }

    expect(points.length).toBeGreaterThan(4);
    expect(points.filter(([x, y]) => x < 0 || x > width || y < 0 || y > height)).toEqual([]);
    expect(Math.max(...points.map(([, y]) => y))).toBe(height);
  });
});
