import { describe, expect, it } from 'vitest';
import * as v from './vocabulary';

/** Each closed list and the sentences that say what its values mean. */
const PAIRS: [string, readonly string[], Record<string, string>][] = [
  ['sides', v.SIDES, v.SIDE_MEANING],
  ['claim statuses', v.CLAIM_STATUSES, v.CLAIM_STATUS_MEANING],
  ['response stances', v.RESPONSE_STANCES, v.RESPONSE_STANCE_MEANING],
  ['place states', v.PLACE_STATES, v.PLACE_STATE_MEANING],
  ['categories', v.CATEGORIES, v.CATEGORY_MEANING],
  ['precisions', v.PRECISIONS, v.PRECISION_MEANING],
  ['route statuses', v.ROUTE_STATUSES, v.ROUTE_STATUS_MEANING],
  ['namings', v.NAMINGS, v.NAMING_MEANING],
  ['modes', v.MODES, v.MODE_MEANING],
  ['ranges', v.RANGES, v.RANGE_MEANING],
  ['controls', v.CONTROLS, v.CONTROLS_MEANING],
  ['chapters', v.CHAPTER_IDS, v.CHAPTER_MEANING],
];

describe('the vocabulary', () => {
  it.each(PAIRS)('gives every one of the %s a sentence, and no sentence to a value it lacks', (_, list, meaning) => {
    expect(Object.keys(meaning).sort()).toEqual([...list].sort());
    for (const value of list) expect(meaning[value], value).toMatch(/^\S.{10,}[.)]$/);
  });

  it('lists no value twice', () => {
    for (const [name, list] of PAIRS) expect(new Set(list).size, name).toBe(list.length);
  });

  it('ranks every claim status from weakest to strongest, and names a word for every place state', () => {
    expect([...v.STATUS_STRENGTH].sort()).toEqual([...v.CLAIM_STATUSES].sort());
    expect(Object.keys(v.PLACE_STATE_WORDS).sort()).toEqual([...v.PLACE_STATES].sort());
    for (const kind of v.CLAIMANT_KINDS) expect(v.CLAIMANT_KIND_SIDES[kind].length, kind).toBeGreaterThan(0);
  });
});
