import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import { SEED_FILES } from '../seeds.ts';

// Bến Tre and Trà Vinh both became part of Vĩnh Long in 2025; Kiên Giang became part of An Giang.
describe('grouping by province_2025', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnrhet-group-'));
    for (const id of ['000', '001', '004']) copyFileSync(new URL(`../../data/seeds/${SEED_FILES[id]}`, import.meta.url), join(dir, SEED_FILES[id]));
    writeFileSync(
      join(dir, 'manifest.csv'),
      `id,file,province,level\n000,${SEED_FILES['000']},Bến Tre,tỉnh\n001,${SEED_FILES['001']},Kiên Giang,tỉnh\n004,${SEED_FILES['004']},Trà Vinh,huyện\n`,
    );
  });

  it('merges the old provinces into their 2025 province in the comparison tables', () => {
    const byProvince = runCorpus({ corpusDir: dir, config: parseConfig({}) });
    const by2025 = runCorpus({ corpusDir: dir, config: parseConfig({ compare: { groupBy: 'province_2025' } }) });
    expect(byProvince.groups.map((g) => g.group)).toEqual(['Bến Tre', 'Kiên Giang', 'Trà Vinh']);
    expect(by2025.groups.map((g) => g.group)).toEqual(['An Giang', 'Vĩnh Long']);
    // By hand: Vĩnh Long's directives and sentences are those of the Bến Tre and Trà Vinh documents together.
    const doc = (id: string) => by2025.documents.find((d) => d.meta.id === id)!;
    const vl = by2025.groups.find((g) => g.group === 'Vĩnh Long')!;
    expect(vl.directives).toBe(doc('000').directives + doc('004').directives);
    expect(vl.sentences).toBe(doc('000').sentences + doc('004').sentences);
    const all = by2025.directivesByGroup.find((r) => r.group === 'Vĩnh Long' && r.verb === '(all)')!;
    expect(all.per1000Sentences).toBeCloseTo((vl.directives / vl.sentences) * 1000, 10);
    // Keyness of Vĩnh Long is measured against An Giang alone, on the summed sizes.
    const k = by2025.keyness.find((r) => r.group === 'Vĩnh Long')!;
    expect(k.sizeTarget).toBe(doc('000').syllables + doc('004').syllables);
    expect(k.sizeReference).toBe(doc('001').syllables);
  });
});
