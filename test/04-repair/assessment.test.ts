/**
 * The repair after an assessment: it takes over the lexicon and name
 * candidates the assessment scored, and gives the repair it makes alone.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { assessDocument, defaultResources, repairDocument } from '../../pipeline/04-repair/index.ts';
import { normalized, seedRaw } from '../seeds.ts';

const cfg = defaultConfig().repair;
const spunSeed = normalized(seedRaw('003'), '003').traced;
const references = ['000', '001', '002', '004'].map((id) => ({ id, text: normalized(seedRaw(id), id).traced.text }));

describe('repair after assessment', () => {
  it('gives the repair it makes alone, on a spun seed and on clean ones, with and without references', () => {
    const lexiconOnly = defaultResources();
    for (const res of [lexiconOnly, defaultResources(references)]) {
      for (const [id, doc] of [['003', spunSeed], ['001', normalized(seedRaw('001'), '001').traced]] as const) {
        const alone = repairDocument(doc, id, cfg, res);
        const after = repairDocument(doc, id, cfg, res, undefined, assessDocument(doc, cfg, lexiconOnly, id));
        expect(after).toEqual(alone);
      }
    }
    expect(repairDocument(spunSeed, '003', cfg).repairs.length).toBeGreaterThan(5);
  });

  it('takes over the candidates only from an assessment made with the same settings', () => {
    const res = defaultResources();
    const alone = repairDocument(spunSeed, '003', cfg, res);
    const assessed = assessDocument(spunSeed, cfg, res, '003');
    // An assessment that found nothing, taken over: the lexicon repairs are gone.
    const none = { ...assessed, lexical: { ...assessed.lexical, scored: [] } };
    expect(repairDocument(spunSeed, '003', cfg, res, undefined, none).repairs.length).toBeLessThan(alone.repairs.length);
    // The same, made with other settings (an equal copy is another object): not taken over.
    const other = { ...none, lexical: { ...none.lexical, config: { ...cfg } } };
    expect(repairDocument(spunSeed, '003', cfg, res, undefined, other)).toEqual(alone);
  });
});
