import { describe, expect, it } from 'vitest';
import { PhraseCountMap } from '../../pipeline/06-count/phrase-map.ts';
import { PhraseCounter } from '../../pipeline/06-count/phrase-counter.ts';
import { aggregate, phraseTables } from '../../pipeline/06-count/phrases.ts';
import { countNgrams } from '../../pipeline/06-count/ngrams.ts';
import { defaultConfig } from '../../pipeline/config.ts';

const view = () => new PhraseCountMap(['a', 'b c', 'd'], Int32Array.from([2, 0, 1]), Float64Array.from([5, 6, 7]));

describe('phrase count map', () => {
  it('reads like the Map filled in entry order', () => {
    const want = new Map([['d', 5], ['a', 6], ['b c', 7]]);
    const m = view();
    expect(m.size).toBe(3);
    expect([...m]).toEqual([...want]);
    expect([...m.keys()]).toEqual([...want.keys()]);
    expect([...m.values()]).toEqual([...want.values()]);
    const seen: [string, number][] = [];
    m.forEach((v, k) => seen.push([k, v]));
    expect(seen).toEqual([...want]);
    expect(m.get('b c')).toBe(7);
    expect(m.has('x')).toBe(false);
    expect([...m]).toEqual([...want]);
  });

  it('becomes an ordinary Map when changed', () => {
    const m = view();
    m.set('x', 1);
    m.delete('a');
    expect([...m]).toEqual([['d', 5], ['b c', 7], ['x', 1]]);
    expect(m.size).toBe(3);
    m.clear();
    expect(m.size).toBe(0);
    expect([...m]).toEqual([]);
  });
});

describe('phrase counter with units that do not sort as their strings', () => {
  it('gives the tables of counting every n-gram', () => {
    // A unit with a character below the space: "x\u0001 y" sorts before "x y" as a string, after it as units.
    const runs = [['x', 'y', 'z'], ['x\u0001', 'y', 'z'], ['x', 'y'], ['x\u0001', 'y']];
    const cfg = { ...defaultConfig().phrases, stopEdges: [] };
    const docs = runs.map((r, i) => ({ id: String(i), group: i % 2 ? 'odd' : 'even', runs: [r], syllables: r.length }));
    const counter = new PhraseCounter();
    for (const d of docs) counter.add(d.runs, d.group, d.syllables);
    const everything = phraseTables(aggregate(docs.map((d) => ({ id: d.id, group: d.group, counts: countNgrams(d.runs, 1, cfg.maxN), syllables: d.syllables }))), cfg);
    expect(phraseTables(counter.aggregate(cfg), cfg)).toEqual(everything);
  });
});
