/**
 * The numbers a sentence states, in any written form: "100,514", "1.5 million", "ten", "a hundred",
 * "two-hour", "twenty-one", "$11.5 million", and the shorthand range "5 -10,000" (5,000 to 10,000).
 * The data tests use it to check that every number of a figure, journey or series point is written
 * in the paragraph or fact-sheet row it cites (docs/data-rules.md, rule N1). Pure.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  // "about twice as many": the factor is written, so a derived figure may use it.
  twice: 2,
  half: 0.5,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

/** Digits with optional thousands commas (or thin/no-break spaces) and decimals, or a word. */
const TOKEN = /(?<![\p{L}\d])(\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([a-z]+)/giu;
/** A dash or "to" between two numbers, as in "5 -10,000", "50 to 1,000", "2016–2020". */
const RANGE_JOIN = /^\s*(?:-|–|—|to)\s*$/i;

interface Token {
  value: number;
  /** Written with a thousands separator or scaled by a word ("10,000", "ten thousand"). */
  grouped: boolean;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const words: { word: string; start: number; end: number }[] = [];
  const flushWords = () => {
    // "twenty one", "a hundred", "two thousand", "three hundred thousand"
    let i = 0;
    while (i < words.length) {
      const w = words[i];
      if (!w) break;
      const unit = UNITS[w.word];
      const scale = SCALES[w.word];
      const article = (w.word === 'a' || w.word === 'one') && SCALES[words[i + 1]?.word ?? ''] !== undefined;
      if (unit === undefined && !article && scale === undefined) {
        i++;
        continue;
      }
      if (scale !== undefined && !article) {
        // A bare scale word ("hundreds", "thousands of") states no number.
        i++;
        continue;
      }
      let value = article ? 1 : (unit ?? 0);
      let j = i + 1;
      const tens = words[j];
      if (!article && unit !== undefined && unit >= 20 && unit < 100 && tens && (UNITS[tens.word] ?? 10) < 10) {
        value += UNITS[tens.word] ?? 0;
        j++;
      }
      let grouped = false;
      for (let s = SCALES[words[j]?.word ?? '']; s !== undefined; s = SCALES[words[j]?.word ?? '']) {
        value *= s;
        grouped = true;
        j++;
      }
      out.push({ value, grouped, start: w.start, end: words[j - 1]?.end ?? w.end });
      i = j;
    }
    words.length = 0;
  };
  let lastEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const between = text.slice(lastEnd, start);
    // Words run on across spaces and hyphens ("twenty-one", "a hundred"), not across punctuation.
    if (words.length > 0 && !/^[\s-]*$/.test(between)) flushWords();
    if (m[1] !== undefined) {
      flushWords();
      const digits = m[1].replace(/[,\u202f\u00a0]/g, '');
      let value = Number(digits);
      let grouped = digits.length !== m[1].length;
      let tokenEnd = end;
      // "11.5 million", "40 thousand"
      const scale = /^[\s-]*(hundred|thousand|million|billion)\b/i.exec(text.slice(end));
      if (scale?.[1]) {
        out.push({ value, grouped, start, end });
        value *= SCALES[scale[1].toLowerCase()] ?? 1;
        grouped = true;
        tokenEnd = end + scale[0].length;
      }
      out.push({ value, grouped, start, end: tokenEnd });
      lastEnd = tokenEnd;
      continue;
    }
    words.push({ word: (m[2] ?? '').toLowerCase(), start, end });
    lastEnd = end;
  }
  flushWords();
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every number the text states, ascending and without repeats. A range written in shorthand, a small
 * number then a grouped one ("5 -10,000"), also gives the small one scaled to the other's thousands.
 */
export function numbersIn(text: string): number[] {
  const found = tokens(text);
  const values = new Set(found.map((t) => t.value));
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1];
    const b = found[i];
    if (!a || !b || a.grouped || !b.grouped || a.value >= 1000 || !Number.isInteger(a.value)) continue;
    if (!RANGE_JOIN.test(text.slice(a.end, b.start))) continue;
    const scaled = a.value * 1000;
    if (scaled < b.value) values.add(scaled);
  }
  return [...values].sort((x, y) => x - y);
}

/** The numbers of a derivation's formula ("2 × 200", "39 + 22"), and its result; null if it is not one. */
export function evaluateFormula(formula: string): { operands: number[]; result: number } | null {
  const clean = formula.replace(/(\d),(\d{3})/g, '$1$2').trim();
  if (!/^[\d.\s×x*+\-−÷/()]+$/.test(clean)) return null;
  const operands = [...clean.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const expression = clean.replace(/[×x]/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
  // A tiny recursive-descent parser: no eval.
  let at = 0;
  const peek = () => expression.slice(at).trimStart()[0];
  const take = () => {
    while (expression[at] === ' ') at++;
    return expression[at++];
  };
  const factor = (): number => {
    if (peek() === '(') {
      take();
      const v = sum();
      if (take() !== ')') throw new Error('unbalanced');
      return v;
    }
    while (expression[at] === ' ') at++;
    const m = /^\d+(?:\.\d+)?/.exec(expression.slice(at));
    if (!m) throw new Error('number expected');
    at += m[0].length;
    return Number(m[0]);
  };
  const product = (): number => {
    let v = factor();
    for (let op = peek(); op === '*' || op === '/'; op = peek()) {
      take();
      v = op === '*' ? v * factor() : v / factor();
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      take();
      v = op === '+' ? v + product() : v - product();
    }
    return v;
  };
  try {
    const result = sum();
    if (expression.slice(at).trim() !== '' || !Number.isFinite(result)) return null;
    return { operands, result };
  } catch {
    return null;
  }
}
