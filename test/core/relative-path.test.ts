import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../../lambdas/core/board/relative-path.ts';

/** The points a path of absolute moves (`M`) and relative lines (`l`) visits, one list per subpath. */
const visitedPoints = (d: string): [number, number][][] => {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const [, command = '', args = ''] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const numbers = (args.match(/-?\d+/g) ?? []).map(Number);
    if (command === 'M') subpaths.push([]);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      [x, y] =
        command === 'l' ? [x + (numbers[i] ?? 0), y + (numbers[i + 1] ?? 0)] : [numbers[i] ?? 0, numbers[i + 1] ?? 0];
      subpaths.at(-1)?.push([x, y]);
    }
  }
  return subpaths;
};

const withoutRepeats = (points: [number, number][]) =>
  points.filter(
    (point, index) => index === 0 || point[0] !== points[index - 1]?.[0] || point[1] !== points[index - 1]?.[1],
  );

describe('relativePath', () => {
  it('writes one absolute move, then relative steps without repeated commands', () => {
    expect(relativePath('M611,92L608,81L613,79L613,79L614,-80ZM1,1L2,2')).toBe('M611,92l-3-11,5-2,1-159zM1,1l1,1');
  });

  it('visits the same points as the absolute path, less the zero-length steps', () => {
    const point = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }));
    const subpath = fc.record({ points: fc.array(point, { minLength: 1, maxLength: 20 }), closed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(subpath, { minLength: 1, maxLength: 5 }), (subpaths) => {
        const absolute = subpaths
          .map(({ points, closed }) => `M${points.map(([x, y]) => `${x},${y}`).join('L')}${closed ? 'Z' : ''}`)
          .join('');
        expect(visitedPoints(relativePath(absolute))).toEqual(subpaths.map(({ points }) => withoutRepeats(points)));
      }),
    );
  });
});
