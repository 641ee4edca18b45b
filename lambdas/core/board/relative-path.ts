/** Numbers of SVG path data: a comma between them, none before a minus sign, which separates already. */
const joinNumbers = (numbers: readonly number[]): string =>
  numbers.map((n, index) => (index > 0 && n >= 0 ? `,${n}` : String(n))).join('');

/**
 * d3-geo writes whole-number path data as absolute `M x,y L x,y … Z`. The same outline as one
 * absolute move and relative line steps (`l` repeats implicitly), zero-length steps dropped, is
 * half as long, and the map is most of the page. Only for whole numbers: relative steps of
 * decimals would pick up rounding noise.
 */
export const relativePath = (d: string): string =>
  d.replace(/M[^M]+/g, (subpath) => {
    const closed = subpath.endsWith('Z');
    const points = subpath
      .slice(1, closed ? -1 : undefined)
      .split('L')
      .map((pair) => pair.split(',').map(Number));
    const [start = [0, 0], ...rest] = points;
    let [x = 0, y = 0] = start;
    const steps: number[] = [];
    for (const [nextX = 0, nextY = 0] of rest) {
      if (nextX === x && nextY === y) continue;
      steps.push(nextX - x, nextY - y);
      [x, y] = [nextX, nextY];
    }
    return `M${joinNumbers(start)}${steps.length > 0 ? `l${joinNumbers(steps)}` : ''}${closed ? 'z' : ''}`;
  });
