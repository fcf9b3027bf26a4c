import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { Provenance } from '../../pipeline/core/offsets.ts';
import { matchCase, repairDocument } from '../../pipeline/04-repair/index.ts';
import { scoreRepair, tokenEdits, evalTokens } from '../../pipeline/04-repair/evaluate.ts';
import { lexiconCandidates } from '../../pipeline/04-repair/candidates.ts';
import { clausesOf } from '../../pipeline/04-repair/clauses.ts';
import { confusions } from '../../pipeline/04-repair/lexicon.ts';
import { applyEdits } from '../../pipeline/core/offsets.ts';
import lexicon from '../../data/repair/confusions.json' with { type: 'json' };
import { normalized, seedRaw } from '../seeds.ts';

const cfg = defaultConfig().repair;
const repair = (text: string) => repairDocument({ text, provenance: new Provenance() }, 'd', cfg);

describe('repair', () => {
  it('flags seed 003 and restores its spinner fingerprints with raw offsets', () => {
    const raw = seedRaw('003');
    const n = normalized(raw, '003');
    const r = repairDocument(n.traced, '003', cfg);
    expect(r.spin.flagged).toBe(true);
    expect(r.traced.text).toContain('Ban Tuyên giáo tỉnh ủy');
    expect(r.traced.text).not.toMatch(/thức giấc ủy|túng thư|không đúng trái/i);
    // The logged change is the part that differs: "thức giấc ủy" → "tỉnh ủy" is "thức giấc" → "tỉnh".
    const fix = r.repairs.find((x) => x.before === 'thức giấc' && raw.slice(x.rawEnd, x.rawEnd + 3) === ' ủy')!;
    expect(raw.slice(fix.rawStart, fix.rawEnd)).toBe('thức giấc');
    expect(fix.after).toBe('tỉnh');
    expect(fix.rule).toBe('lexicon-fingerprint');
    expect(fix.lmAfter).toBeGreaterThan(fix.lmBefore);
    expect(fix.confidence).toBeGreaterThan(0.9);
  });

  it('makes zero changes to the clean seeds', () => {
    for (const id of ['000', '001', '002', '004']) {
      const r = repairDocument(normalized(seedRaw(id)).traced, id, cfg);
      expect(r.spin.flagged, id).toBe(false);
      expect(r.repairs, id).toEqual([]);
    }
  });

  it('leaves normal words that a spinner also produces alone in a clean document', () => {
    const text = 'Ban chỉ huy quân sự huyện tăng tốc xây dựng; bạn bè Nguyễn Văn A đến thăm.';
    expect(repair(text).repairs).toEqual([]);
  });

  it('reports its edits in the input\'s offsets, so applying them to the input gives the repaired text', () => {
    const n = normalized(seedRaw('003'), '003');
    const r = repairDocument(n.traced, '003', cfg);
    expect(r.edits.length).toBe(r.repairs.length);
    for (let i = 1; i < r.edits.length; i++) expect(r.edits[i].start).toBeGreaterThanOrEqual(r.edits[i - 1].end);
    expect(applyEdits(n.traced.text, r.edits).text).toBe(r.traced.text);
  });

  it('checks a lexicon context across the punctuation between clauses ("lãnh đạo, chỉ huy")', () => {
    const found = lexiconCandidates(clausesOf('các cấp ủy đã lãnh đạo, chỉ huy thực hiện tốt'), confusions());
    expect(found.some((x) => x.keys.join(' ') === 'chỉ đạo' && x.evidence === 'lexicon-context')).toBe(true);
    expect(lexiconCandidates(clausesOf('Ban chỉ huy quân sự huyện'), confusions()).some((x) => x.keys.join(' ') === 'chỉ đạo' && x.evidence !== 'lexicon')).toBe(false);
  });

  it('has a lexicon whose every entry changes something and says why', () => {
    for (const e of lexicon.entries) {
      expect(e.spun, e.spun).not.toBe(e.original);
      expect(e.why.length, e.spun).toBeGreaterThan(10);
      expect(e.spun, e.spun).toBe(e.spun.toLowerCase());
    }
  });

  it('keeps the case of the spun span', () => {
    expect(matchCase('THỨC GIẤC ỦY', 'tỉnh ủy')).toBe('TỈNH ỦY');
    expect(matchCase('Túng thư', 'bí thư')).toBe('Bí thư');
  });
});

describe('repair evaluation', () => {
  it('treats re-segmentation as no edit and scores exact edits', () => {
    expect(tokenEdits(evalTokens('cấp tỉnhvà gửi'), evalTokens('cấp tỉnh và gửi'))).toEqual([]);
    const s = scoreRepair('bảo vệ gốc rễ tứ tưởng của Ðảng', 'bảo vệ gốc rễ tư tưởng của Đảng', 'bảo vệ nền tảng tư tưởng của Đảng');
    expect(s.goldEdits).toBe(1);
    expect(s.systemEdits).toBe(1);
    expect(s.correct).toBe(0); // "gốc rễ tứ" → "nền tảng tư" is one gold edit; the system made a different one
    const t = scoreRepair('gốc rễ tư tưởng, không nên trái', 'gốc rễ tư tưởng, sai trái', 'nền tảng tư tưởng, sai trái');
    expect([t.goldEdits, t.systemEdits, t.correct]).toEqual([2, 1, 1]);
    expect(t.precision).toBe(1);
    expect(t.recall).toBe(0.5);
    expect(t.errorReduction).toBeCloseTo(1 - 2 / 4, 10);
  });
});
