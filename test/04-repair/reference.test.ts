import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../pipeline/04-repair/clauses.ts';
import { FrameIndex, NearDuplicateIndex, ReferenceWords, wordKeys } from '../../pipeline/04-repair/reference.ts';
import { seedRaw } from '../seeds.ts';

const refs = ['000', '001', '002', '003', '004'].map((id) => ({ id, text: seedRaw(id) }));

/** The frames as joined strings in Maps (how the index was first written): the specification the compact index must match. */
function stringFrames(texts: string[]): Map<string, Map<string, number>> {
  const frames = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const c of clausesOf(text)) {
      const k = ['<s>', '<s>', ...c.words.map((w) => w.key), '</s>', '</s>'];
      for (let i = 2; i < k.length - 2; i++) {
        for (let g = 1; g <= 3 && i + g + 2 <= k.length; g++) {
          if (k[i + g - 1] === '</s>') break;
          const frame = `${k[i - 2]} ${k[i - 1]}|${k[i + g]} ${k[i + g + 1]}`;
          const m = frames.get(frame) ?? new Map<string, number>();
          frames.set(frame, m);
          const filler = k.slice(i, i + g).join(' ');
          m.set(filler, (m.get(filler) ?? 0) + 1);
        }
      }
    }
  }
  return frames;
}

describe('frame index', () => {
  it('holds every frame with its fillers, counts and first-seen order', () => {
    const index = new FrameIndex(refs);
    const spec = stringFrames(refs.map((r) => r.text));
    for (const [frame, fillers] of spec) {
      const [left, right] = frame.split('|').map((s) => s.split(' '));
      expect([...index.fillers(left, right)!]).toEqual([...fillers]);
    }
    expect(index.fillers(['chưa', 'từng'], ['thấy', 'đâu'])).toBeUndefined();
    expect(index.words).toBe(refs.reduce((n, r) => n + wordKeys(r.text).length, 0));
  });

  it('stops at the word limit after the document that reaches it', () => {
    const index = new FrameIndex(new ReferenceWords(refs), 10);
    expect(index.words).toBe(wordKeys(refs[0].text).length);
  });
});

describe('near-duplicate index', () => {
  it('finds a copy from part of it, with the share of its trigrams the copy holds', () => {
    const keys = wordKeys(refs[3].text);
    const part = [...keys.slice(100, 400), 'chưathấy', ...keys.slice(400, 700)];
    const found = new NearDuplicateIndex(refs).nearest(part, null, 0.5);
    expect(found?.id).toBe('003');
    expect(found!.keys).toEqual(keys);
    // Trigrams are counted at every position: three of the 599 take in the new word.
    expect(found!.containment).toBe(596 / 599);
  });

  it('answers each query as a fresh index would, whatever it was asked before', () => {
    const queries = refs.map((r) => wordKeys(r.text).slice(50, 450));
    const reused = new NearDuplicateIndex(refs);
    for (const [i, q] of queries.entries()) {
      const exclude = refs[i].id;
      expect(reused.nearest(q, exclude, 0.05)).toEqual(new NearDuplicateIndex(refs).nearest(q, exclude, 0.05));
      expect(reused.nearest(q, null, 0.5)).toEqual(new NearDuplicateIndex(refs).nearest(q, null, 0.5));
    }
  });
});

