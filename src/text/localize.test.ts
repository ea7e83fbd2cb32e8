import { describe, expect, it } from 'vitest';
import { realEngine } from '../timeline/engine-fixture';
import { localize } from './localize';

const { data } = realEngine();

describe('localize', () => {
  it('writes place names in the chosen convention', () => {
    expect(localize('Stepanakert under fire', data, 'az')).toBe('Xankəndi under fire');
    expect(localize('Stepanakert under fire', data, 'hy')).toBe('Ստեփանակերտ under fire');
    expect(localize('Martakert was surrounded; Shusha too.', data, 'az')).toBe('Ağdərə was surrounded; Şuşa too.');
  });

  it('keeps international English unchanged, and the corridor its common name', () => {
    expect(localize('Stepanakert under fire', data, 'en')).toBe('Stepanakert under fire');
    expect(localize('The Lachin corridor stays closed; Lachin town is empty.', data, 'hy')).toBe(
      'The Lachin corridor stays closed; Բերձոր town is empty.',
    );
  });

  it('replaces whole names only', () => {
    expect(localize('Kutaisi and Kut', data, 'hy')).toBe('Kutaisi and Կութ');
  });
});
