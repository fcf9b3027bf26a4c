import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { Provenance } from '../../pipeline/core/offsets.ts';
import { matchCase, repairDocument } from '../../pipeline/04-repair/index.ts';
import { scoreRepair, tokenEdits, evalTokens } from '../../pipeline/04-repair/evaluate.ts';
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
    const fix = r.repairs.find((x) => x.before === 'thức giấc ủy')!;
    expect(raw.slice(fix.rawStart, fix.rawEnd)).toBe('thức giấc ủy');
    expect(fix.after).toBe('tỉnh ủy');
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
