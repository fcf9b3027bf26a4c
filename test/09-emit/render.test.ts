/**
 * Rendering charts to SVG: the expression cache renderSvg gives Vega must not
 * change a byte (a faceted chart, rendered twice, equals a plain Vega render),
 * and SVG ids are renumbered per prefix in order of appearance.
 */
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg, renumberIds } from '../../pipeline/09-emit/charts.ts';

/** A small faceted bar chart with tooltips, like top_phrases: a panel per group, each parsed on its own by Vega. */
const faceted = {
  data: { values: ['a', 'b', 'c'].flatMap((group, g) => ['x y', 'y z', 'z w'].map((phrase, p) => ({ group, phrase, rate: g + p / 3 }))) },
  facet: { row: { field: 'group', type: 'nominal' } },
  spec: { mark: { type: 'bar', tooltip: true }, encoding: { y: { field: 'phrase', type: 'nominal', sort: '-x' }, x: { field: 'rate', type: 'quantitative' }, opacity: { condition: { test: 'datum.rate > 1', value: 1 }, value: 0.4 } } },
  resolve: { scale: { y: 'independent' } },
} as TopLevelSpec;

/** The same chart rendered by Vega with its default expression compiler. */
async function plainSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return renumberIds(svg);
}

describe('renderSvg', () => {
  it('renders exactly what Vega renders with its own compiler, every time', async () => {
    const first = await renderSvg(faceted);
    expect(first).toContain('<svg');
    expect(await renderSvg(faceted)).toBe(first);
    expect(await plainSvg(faceted)).toBe(first);
  });

  it('renumbers gradient, clip and pattern ids per prefix, in order of appearance', () => {
    const svg = 'url(#clip7) url(#gradient_3) id="clip9" url(#clip7) pattern_5 clip12 gradient_3 gradient_4';
    expect(renumberIds(svg)).toBe('url(#clip0) url(#gradient_0) id="clip1" url(#clip0) pattern_0 clip2 gradient_0 gradient_1');
  });
});
