import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { Provenance } from '../../pipeline/core/offsets.ts';
import { assessSpin, defaultResources, repairDocument } from '../../pipeline/04-repair/index.ts';
import { NearDuplicateIndex, wordKeys } from '../../pipeline/04-repair/reference.ts';
import { seedRaw } from '../seeds.ts';

const cfg = defaultConfig().repair;
const traced = (text: string) => ({ text, provenance: new Provenance() });

// Lines 10–11 of seed 001, and the same passage with five substitutions a
// spinner makes that the confusion lexicon does not list.
const original = seedRaw('001').split('\n').slice(9, 12).join('\n');
const spun = original
  .replace('quan tâm lãnh đạo', 'chú ý lãnh đạo')
  .replace('khá tốt', 'tương đối tốt')
  .replace('nâng cao nhận thức', 'nâng cao nhận biết')
  .replace('củng cố niềm tin', 'gia cố niềm tin')
  .replace('điều hành của chính quyền', 'quản lý và điều hành của chính quyền');
const others = ['000', '002', '004'].map((id) => ({ id, text: seedRaw(id) }));

describe('near-duplicate index', () => {
  it('finds the clean source of a spun copy, never the document itself', () => {
    const index = new NearDuplicateIndex([...others, { id: 'source', text: original }, { id: 'self', text: spun }]);
    const found = index.nearest(wordKeys(spun), 'self', 0.4);
    expect(found?.id).toBe('source');
    expect(found!.containment).toBeGreaterThan(0.6);
    expect(found!.containment).toBeLessThan(1);
  });

  it('finds nothing when no reference holds enough of the text', () => {
    const index = new NearDuplicateIndex(others);
    expect(index.nearest(wordKeys(spun), null, 0.4)).toBeNull();
  });
});

describe('alignment repair', () => {
  it('puts back the clean source\'s words where a copy differs, and flags the copy', () => {
    expect(spun).not.toBe(original);
    const r = repairDocument(traced(spun), 'copy', cfg, defaultResources([...others, { id: 'source', text: original }]));
    expect(r.spin.flagged).toBe(true);
    expect(r.spin.evidence.join(' ')).toContain('near-duplicate of source');
    expect(r.traced.text).toBe(original);
    expect(r.repairs.every((x) => x.rule === 'alignment')).toBe(true);
  });

  it('leaves the source alone when its spun copy is among the references', () => {
    const res = defaultResources([...others, { id: 'copy', text: spun }]);
    expect(assessSpin(traced(original), cfg, res, 'source').flagged).toBe(false);
    expect(repairDocument(traced(original), 'source', cfg, res).repairs).toEqual([]);
  });

  it('makes no change without a near-duplicate when the substitutions are unknown', () => {
    const r = repairDocument(traced(spun), 'copy', cfg, defaultResources(others));
    expect(r.spin.flagged).toBe(false);
    expect(r.repairs).toEqual([]);
  });
});
