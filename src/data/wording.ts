/**
 * Rules W1 and W2 of docs/data-rules.md, read from the text itself.
 *
 * W1: a summary states as fact only what is confirmed. A summary sentence that speaks of a claim
 * that is not confirmed (it shares at least two content words with the claim's statement) names
 * a claimant and an attribution ("says", "according to", "reports"…); where the claim is
 * disputed, the summary also gives the answer, naming who answered.
 *
 * W2: a place is spelt the same way everywhere. Any word in any record's names that is one letter
 * away from a place's name in the same language (Мартакерта for Мардакерт, Եւլախ for Եվլախ) is a
 * variant spelling, and is reported. Pure.
 */
import { LANGUAGES } from '../vocabulary/vocabulary';
import type { DataProblem, Obj } from './rules';
import { isObj } from './rules';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Words that say a statement is someone's, not the summary's own. */
const ATTRIBUTION =
  /\b(says?|said|saying|according to|reports?|reported|reporting|claims?|claimed|accuses?|accused|accusing|denies|denied|denying|rejects?|rejected|insists?|insisted|announces?|announced|tells|told|writes|wrote|relays|calls? (?:it|them|the)|describes?|described|counts?|warns?|warned|stresses|notes|adds|believes?|estimates?|quotes?|in (?:its|his|her|their) (?:view|statement)|'s view|films?|saw|sees)\b/i;

/** Words too common to tie a sentence to a claim. */
const STOP = new Set(
  `about above after again against along also among another around away back been before being below between both
  but came cannot could does done down during each either even every from further have having here into just
  more most much must near next none nothing only other over same should since some such than that their them
  then there these they this those through under until upon very were what when where which while whom will
  with within would your people region forces force city town village side sides azerbaijan azerbaijani armenia
  armenian armenians karabakh nagorno state states time times there said says made make makes make`
    .split(/\s+/)
    .filter(Boolean),
);

/** Content words of a text, each as its first four letters (killed ~ killing, shell ~ shelling). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (w.length < 4 || STOP.has(w)) continue;
    out.add(w.slice(0, 4));
  }
  return out;
}

/** Sentences of a summary (a full stop or semicolon followed by a space ends one). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+(?=[A-Z“"'(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const mentions = (sentence: string, aliases: readonly string[]) =>
  aliases.some((a) =>
    new RegExp(`(^|[^\\p{L}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu').test(sentence),
  );

/**
 * W1 for one event: its own claims, and the claims of other events that its marks on the map depict
 * (its summary speaks of what it draws). `aliases` by claimant id; `claims` every claim by id.
 */
export function wordingProblems(
  e: Obj,
  aliases: ReadonlyMap<string, readonly string[]>,
  claims: ReadonlyMap<string, Obj> = new Map(),
): DataProblem[] {
  const out: DataProblem[] = [];
  const everyone = [...aliases.values()].flat();
  const summary = typeof e.summary === 'string' ? e.summary : '';
  const parts = sentences(summary);
  const depicted = [...list(e.effects), ...list(e.movements)].flatMap((m) => (isObj(m) ? list(m.depicts) : []));
  const own = list(e.claims);
  const others = depicted.flatMap((id) => {
    const c = claims.get(String(id));
    return c && !own.includes(c) ? [c] : [];
  });
  for (const c of [...new Set([...own, ...others])]) {
    if (!isObj(c) || c.status === 'confirmed' || typeof c.statement !== 'string') continue;
    const stems = contentStems(c.statement);
    const about = parts.filter((s) => [...contentStems(s)].filter((w) => stems.has(w)).length >= 2);
    for (const s of about) {
      // Attributed: someone of the dataset's claimants is named, with a verb of saying.
      if (!mentions(s, everyone) || !ATTRIBUTION.test(s)) {
        out.push({
          file: 'events.json',
          record: String(e.id),
          field: 'summary',
          message: `states the ${String(c.status)} claim ${String(c.id)} without attributing it in the same sentence: “${s}”`,
        });
      }
    }
    const response = isObj(c.response) ? c.response : null;
    if (response && about.length > 0) {
      const answerers = aliases.get(String(response.claimant)) ?? [];
      if (!parts.some((s) => mentions(s, answerers) && ATTRIBUTION.test(s))) {
        out.push({
          file: 'events.json',
          record: String(e.id),
          field: 'summary',
          message: `gives the disputed claim ${String(c.id)} without the answer of ${String(response.claimant)}`,
        });
      }
    }
  }
  return out;
}

export function checkWording(files: ReadonlyMap<string, unknown>): DataProblem[] {
  const claimants = files.get('claimants.json');
  const aliases = new Map<string, readonly string[]>();
  for (const r of isObj(claimants) ? list(claimants.claimants) : []) {
    if (!isObj(r) || typeof r.id !== 'string') continue;
    const words = list(r.aliases).filter((a): a is string => typeof a === 'string');
    aliases.set(r.id, [...words, ...(typeof r.short === 'string' ? [r.short] : [])]);
  }
  const events = files.get('events.json');
  const all = isObj(events) ? list(events.events) : [];
  const claims = new Map<string, Obj>();
  for (const e of all) for (const c of isObj(e) ? list(e.claims) : []) if (isObj(c)) claims.set(String(c.id), c);
  return all.flatMap((e) => (isObj(e) ? wordingProblems(e, aliases, claims) : []));
}

/** True when a and b differ by at most one letter (inserted, removed or replaced). */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Named {
  file: string;
  record: string;
  names: Obj;
}

function namedRecords(files: ReadonlyMap<string, unknown>): Named[] {
  const out: Named[] = [];
  for (const [file, value] of files) {
    if (!isObj(value)) continue;
    const records = [...list(value.features).map((f) => (isObj(f) ? f.properties : null)), ...list(value.places)];
    for (const r of records) {
      if (isObj(r) && isObj(r.names)) out.push({ file, record: String(r.id), names: r.names });
    }
  }
  return out;
}

/** W2: variant spellings of a place's name in any record's names, language by language. */
export function checkNames(files: ReadonlyMap<string, unknown>): DataProblem[] {
  const records = namedRecords(files);
  const places = records.filter((r) => r.file === 'places.geojson' || r.file === 'places-offmap.json');
  const out: DataProblem[] = [];
  for (const lang of LANGUAGES) {
    const known = places.flatMap((p) => {
      const name = p.names[lang];
      return typeof name === 'string' ? name.split(/[^\p{L}]+/u).filter((w) => w.length >= 5) : [];
    });
    const knownSet = new Set(known);
    for (const r of records) {
      const text = r.names[lang];
      if (typeof text !== 'string') continue;
      for (const word of text.split(/[^\p{L}]+/u)) {
        for (const name of known) {
          if (word.length < name.length) continue;
          const head = word.slice(0, name.length);
          if (head !== name && !knownSet.has(head) && !knownSet.has(word) && withinOne(head, name)) {
            out.push({
              file: r.file,
              record: r.record,
              field: `names.${lang}`,
              message: `“${word}” spells the place name “${name}” differently from places.geojson`,
            });
          }
        }
      }
    }
  }
  return out;
}
