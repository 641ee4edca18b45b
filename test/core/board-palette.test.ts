import { describe, expect, it } from 'vitest';
import { overdueShade, overdueShades, pageColours, statusStyles } from '../../lambdas/core/board/board-palette.ts';
import { contrastRatio } from '../../lambdas/core/board/contrast.ts';
import { obligationStatusNames } from '../../lambdas/core/status/obligation-status.ts';

/** WCAG 2.x level AA for body text. */
const AA_TEXT = 4.5;

describe('contrastRatio', () => {
  it('gives the WCAG extremes and is symmetric', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#767676'), 10);
    // #767676 is the well-known lightest grey that still passes AA on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_TEXT);
  });
});

describe('the board palette', () => {
  it('has a style for every status', () => {
    expect(Object.keys(statusStyles).sort()).toEqual([...obligationStatusNames].sort());
  });

  it.each(obligationStatusNames)('labels %s in text that passes WCAG AA on its colour', (name) => {
    const { fill, text } = statusStyles[name];
    expect(contrastRatio(text, fill)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(overdueShades.map((shade) => [shade.label, shade] as const))(
    'labels overdue %s in text that passes WCAG AA on its shade',
    (_label, shade) => {
      expect(contrastRatio(shade.text, shade.fill)).toBeGreaterThanOrEqual(AA_TEXT);
    },
  );

  it('keeps body text, muted text and links readable on the page', () => {
    for (const colour of [pageColours.text, pageColours.muted, pageColours.link]) {
      expect(contrastRatio(colour, pageColours.background)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('shades overdue darker the longer it lasts', () => {
    expect([1, 30, 31, 90, 91, 180, 181, 365, 366, 2000].map((days) => overdueShade(days).level)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    const darkness = overdueShades.map((shade) => contrastRatio(shade.fill, '#ffffff'));
    expect(darkness).toEqual([...darkness].sort((a, b) => a - b));
  });
});
