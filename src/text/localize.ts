/**
 * Place names inside prose follow the naming convention too: "Stepanakert under fire" reads
 * "Xankəndi under fire" with Azerbaijani names. Only whole names are replaced, and the corridor keeps
 * its common name ("Lachin corridor", and Azerbaijan’s "Lachin checkpoint") whatever the convention.
 */

import type { Dataset } from '../timeline/dataset';
import type { Naming } from '../vocabulary/vocabulary';

const KEEP_AFTER = /^\s+(corridor|checkpoint)/i;

interface Rule {
  re: RegExp;
  names: Partial<Record<Naming, string>>;
}

const cache = new WeakMap<Dataset, Rule[]>();

function rulesFor(data: Dataset): Rule[] {
  let rules = cache.get(data);
  if (!rules) {
    rules = [...data.places.values()]
      .filter((p) => /^[A-Za-z][A-Za-z -]+$/.test(p.names.en))
      .sort((a, b) => b.names.en.length - a.names.en.length)
      .map((p) => ({
        re: new RegExp(`\\b${p.names.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'),
        names: p.names,
      }));
    cache.set(data, rules);
  }
  return rules;
}

/** The text with the dataset's place names in the chosen convention. */
export function localize(text: string, data: Dataset | undefined, naming: Naming): string {
  if (!data || naming === 'en') return text;
  let out = text;
  for (const { re, names } of rulesFor(data)) {
    const name = names[naming];
    if (!name) continue;
    out = out.replace(re, (match, offset: number, whole: string) =>
      KEEP_AFTER.test(whole.slice(offset + match.length)) ? match : name,
    );
  }
  return out;
}
