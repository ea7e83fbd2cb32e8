import { describe, expect, it } from 'vitest';
import { evaluateFormula, numbersIn } from './numbers';

describe('numbersIn', () => {
  it('reads digits with thousands separators and decimals', () => {
    expect(numbersIn('According to the Armenian government, 100,514 of the region’s 120,000')).toEqual([
      100_514, 120_000,
    ]);
    expect(numbersIn('$11.5 million in aid')).toEqual([11.5, 11_500_000]);
    expect(numbersIn('a 50-meter cross')).toEqual([50]);
    expect(numbersIn('the 32nd anniversary')).toEqual([32]);
  });

  it('reads numbers written in words, with their scales', () => {
    expect(numbersIn('about a hundred kilometers')).toEqual([100]);
    expect(numbersIn('at least four Russian soldiers')).toEqual([4]);
    expect(numbersIn('ten of them civilians')).toEqual([10]);
    expect(numbersIn('the two-hour session')).toEqual([2]);
    expect(numbersIn('twenty-one villages and ninety nine')).toEqual([21, 99]);
    expect(numbersIn('one hundred and ten thousand')).toEqual([100, 10_000]);
    expect(numbersIn('about twice as many injured')).toEqual([2]);
  });

  it('does not read a number into plural scales or vague amounts', () => {
    expect(numbersIn('tens of thousands, hundreds of people, a few hundred, thousands fled')).toEqual([]);
    expect(numbersIn('Thousands of refugees')).toEqual([]);
  });

  it('does not join words across punctuation', () => {
    expect(numbersIn('twenty. One more')).toEqual([1, 20]);
  });

  it('expands a shorthand range of thousands, and only that', () => {
    expect(numbersIn('a figure of 5 -10,000')).toEqual([5, 5_000, 10_000]);
    expect(numbersIn('between 50 and 1,000; 50 to 1,000')).toEqual([50, 1_000]);
    expect(numbersIn('between 2016 and 2020, 2016–2020')).toEqual([2016, 2020]);
  });
});

describe('evaluateFormula', () => {
  it('evaluates arithmetic with ×, ÷, + and − and lists its operands', () => {
    expect(evaluateFormula('2 × 200')).toEqual({ operands: [2, 200], result: 400 });
    expect(evaluateFormula('39 + 22')).toEqual({ operands: [39, 22], result: 61 });
    expect(evaluateFormula('(100,514 − 30) ÷ 2')).toEqual({ operands: [100_514, 30, 2], result: 50_242 });
  });

  it('refuses anything that is not arithmetic', () => {
    expect(evaluateFormula('2 * process.exit()')).toBeNull();
    expect(evaluateFormula('2 +')).toBeNull();
    expect(evaluateFormula('(2')).toBeNull();
    expect(evaluateFormula('')).toBeNull();
  });
});
