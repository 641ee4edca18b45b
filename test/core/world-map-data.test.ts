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
});
