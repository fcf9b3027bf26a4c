import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { chunkTokens, forgetSince, rawTokens, SPLITTER_SOURCE } from '../../pipeline/05-tokenize/chunks.ts';
import { latinShadow } from '../../pipeline/05-tokenize/shadow.ts';
import { newWinkInstance } from '../../pipeline/05-tokenize/tokens.ts';
import { normalized, seedRaw } from '../seeds.ts';

describe('memoised wink chunks', () => {
  it("split the text as wink's English model does", () => {
    const json = readFileSync(new URL('../../node_modules/wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json', import.meta.url), 'utf8');
    const m = /"splitter":\["((?:[^"\\]|\\.)*)"/.exec(json);
    expect(JSON.parse(`"${m![1]}"`)).toBe(SPLITTER_SOURCE);
  });

  it('give the tokens, types and spaces wink gives when it reads each whole text, in the same order', () => {
    const texts = [
      normalized(seedRaw('000')).traced.text,
      normalized(seedRaw('003')).traced.text,
      'Đồng chí, đồng chí. "Đồng chí" (đồng chí) đồng chí... đồng-chí 05/04/2024 21:08 1.200 can\'t CAN\'T',
      ' \u00a0lead\u2003 gap' + ' '.repeat(70_000) + 'far\u3000away\u2028x \ufeffBOM\n\r\n\t\tend.',
      '\n\nĐồng chí,\n\n\u3000\u3000 đồng chí, a.b.c U.S.A. e-mail@x.vn https://x.vn/a?b=1 #tag @who :) 😀 — – ... ?!',
      normalized(seedRaw('000')).traced.text,
    ];
    const memoised = newWinkInstance([]);
    const whole = winkNLP(model, []);
    for (const text of texts) {
      const shadow = latinShadow(text);
      expect(chunkTokens(memoised.nlp, memoised.lexemes, shadow)).toEqual(rawTokens(whole, whole.readDoc(shadow)));
    }
  });

  it('give the tokens a fresh wink gives each whole text when what wink learned from the texts before is forgotten', () => {
    // "100USD" makes wink learn "USD" as a currency, a lone "USD" as a word: a type remembered
    // from one document, or a chunk not sent to wink, must not change the types of another.
    const texts = [
      'giá 100USD, tăng USD nữa',
      'Giá USD hôm nay',
      'USD hôm nay, giá 100USD, tăng USD nữa',
      'giá 100USD, tăng USD nữa',
      'Usd usd, 100USD usd USD; 100usd USD cannot Cannot gonna',
      normalized(seedRaw('000')).traced.text,
    ];
    const memoised = newWinkInstance([]);
    for (const text of texts) {
      const shadow = latinShadow(text);
      const from = memoised.lexemes.list.length;
      const fresh = winkNLP(model, []);
      expect(chunkTokens(memoised.nlp, memoised.lexemes, shadow)).toEqual(rawTokens(fresh, fresh.readDoc(shadow)));
      forgetSince(memoised.lexemes, from);
    }
  });
});
