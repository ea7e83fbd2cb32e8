/**
 * Rule N1 of docs/data-rules.md: every number the dataset puts on the map or in its text is written
 * in what it cites. A figure's value (and its upper bound), a journey's count of people and a series
 * point's value must each be stated by every one of their citations; a derived figure shows its
 * arithmetic, whose operands its citations state. Numbers in claims, notes, summaries and place
 * mentions must be stated by at least one citation of their record. Dates and clock times in prose
 * are left to the date checks. Pure.
 */
import { citedNumbers, type Evidence, sameNumber } from './evidence';
import { evaluateFormula, numbersIn } from './numbers';
import type { DataContext, DataProblem, Obj } from './rules';
import { isObj } from './rules';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** Dates and times in prose: "24 September 2023", "December 2022", "19–20 September", "13:45", "2016–2020". */
const DATE_PARTS = new RegExp(
  [
    `\\b\\d{1,2}(?:\\s*(?:–|-|to|and)\\s*\\d{1,2})?\\s+(?:${MONTHS})\\b(?:\\s+\\d{4})?`,
    `\\b(?:${MONTHS})\\s+\\d{1,2}\\b(?:,\\s*\\d{4})?`,
    `\\b(?:${MONTHS})\\s+\\d{4}`,
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\b(?:19|20)\\d{2}(?:\\s*(?:–|-)\\s*(?:19|20)\\d{2})?\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
  ].join('|'),
  'g',
);

/** References to our own sources: "¶23", "§4", "§2.2". */
const REFERENCES = /[¶§]\s*\d+(?:\.\d+)?/g;

/**
 * The numbers a sentence states, less dates, clock times and references to paragraphs and sections;
 * "one" in prose is mostly a pronoun ("one outlet", "no one"), so it is not read as a number there.
 */
export function proseNumbers(text: string): number[] {
  const clean = text
    .replace(REFERENCES, ' ')
    .replace(DATE_PARTS, ' ')
    .replace(/\bone\b/gi, ' ');
  return numbersIn(clean);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const fmt = (n: number) => n.toLocaleString('en');

class NumberCheck {
  constructor(
    private readonly evidence: Evidence,
    private readonly out: DataProblem[],
    private readonly file: string,
    private readonly record: string,
  ) {}

  private fail(field: string, message: string): void {
    this.out.push({ file: this.file, record: this.record, field, message });
  }

  /** The numbers of each citation; a citation that cannot be read is reported once. */
  private resolve(citations: unknown, field: string): { where: string; numbers: number[] }[] {
    return list(citations).flatMap((c, i) => {
      const r = citedNumbers(c, this.evidence);
      if ('problem' in r) {
        this.fail(`${field}[${i}]`, r.problem);
        return [];
      }
      return [r];
    });
  }

  /** A value every citation must state. */
  stated(value: unknown, citations: unknown, field: string, citationsField: string): void {
    if (typeof value !== 'number') return;
    for (const r of this.resolve(citations, citationsField)) {
      if (!r.numbers.some((n) => sameNumber(n, value))) {
        this.fail(field, `${fmt(value)} is not written in ${r.where}${said(r.numbers)}`);
      }
    }
  }

  /** A derived value: its formula evaluates to it, and each operand is stated by some citation. */
  derived(value: unknown, derived: Obj, citations: unknown, field: string, citationsField: string): void {
    const formula = typeof derived.formula === 'string' ? evaluateFormula(derived.formula) : null;
    if (!formula) {
      this.fail(`${field}.derived.formula`, `“${String(derived.formula)}” is not arithmetic on numbers`);
      return;
    }
    if (typeof value !== 'number' || !sameNumber(formula.result, value)) {
      this.fail(
        `${field}.derived.formula`,
        `${String(derived.formula)} = ${fmt(formula.result)}, not ${String(value)}`,
      );
    }
    const cited = this.resolve(citations, citationsField).flatMap((r) => r.numbers);
    for (const operand of formula.operands) {
      if (!cited.some((n) => sameNumber(n, operand)))
        this.fail(`${field}.derived.formula`, `${fmt(operand)} is written in none of its citations`);
    }
  }

  /** Rule N2: a place's longitude and latitude are both written, to four decimals, in one of its sources. */
  coordinate(at: unknown[], sources: unknown): void {
    const [lon, lat] = at;
    if (typeof lon !== 'number' || typeof lat !== 'number') return;
    const near = (a: number, b: number) => Math.abs(a - b) < 0.00006;
    const stated = this.resolve(sources, 'sources').some(
      (r) => r.numbers.some((n) => near(n, lon)) && r.numbers.some((n) => near(n, lat)),
    );
    if (!stated) this.fail('geometry.coordinates', `${lon}, ${lat} is written in none of its sources`);
  }

  /** Every number in a text must be stated by at least one of the citations. */
  prose(text: unknown, citations: unknown, field: string, citationsField: string): void {
    if (typeof text !== 'string') return;
    const numbers = proseNumbers(text);
    if (numbers.length === 0) return;
    const cited = this.resolve(citations, citationsField).flatMap((r) => r.numbers);
    for (const n of numbers) {
      if (!cited.some((c) => sameNumber(c, n))) this.fail(field, `${fmt(n)} is written in none of its citations`);
    }
  }
}

const said = (numbers: number[]) =>
  numbers.length === 0 ? ', which states no number' : ` (it states ${numbers.map(fmt).join(', ')})`;

function checkEvent(e: Obj, evidence: Evidence, out: DataProblem[]): void {
  const n = new NumberCheck(evidence, out, 'events.json', String(e.id));
  const every: unknown[] = [...list(e.citations)];
  for (const [i, f] of list(e.figures).entries()) {
    if (!isObj(f)) continue;
    const field = `figures[${i}]`;
    every.push(...list(f.citations));
    if (isObj(f.derived)) n.derived(f.value, f.derived, f.citations, field, `${field}.citations`);
    else n.stated(f.value, f.citations, `${field}.value`, `${field}.citations`);
    n.stated(f.max, f.citations, `${field}.max`, `${field}.citations`);
    n.prose(f.note, f.citations, `${field}.note`, `${field}.citations`);
  }
  for (const [i, c] of list(e.claims).entries()) {
    if (!isObj(c)) continue;
    const field = `claims[${i}]`;
    every.push(...list(c.citations));
    n.prose(c.statement, c.citations, `${field}.statement`, `${field}.citations`);
    n.prose(c.note, c.citations, `${field}.note`, `${field}.citations`);
    if (isObj(c.response)) {
      every.push(...list(c.response.citations));
      n.prose(c.response.statement, c.response.citations, `${field}.response.statement`, `${field}.response.citations`);
    }
  }
  for (const [i, m] of list(e.movements).entries()) {
    if (!isObj(m)) continue;
    every.push(...list(m.citations));
    n.stated(m.people, m.citations, `movements[${i}].people`, `movements[${i}].citations`);
  }
  n.prose(e.title, every, 'title', 'citations');
  n.prose(e.summary, every, 'summary', 'citations');
  n.prose(e.note, every, 'note', 'citations');
}

/** Rule N1 over the whole dataset. */
export function checkNumbers(
  files: ReadonlyMap<string, unknown>,
  _ctx: DataContext,
  evidence: Evidence,
): DataProblem[] {
  const out: DataProblem[] = [];
  const events = files.get('events.json');
  for (const e of isObj(events) ? list(events.events) : []) if (isObj(e)) checkEvent(e, evidence, out);
  const series = files.get('series.json');
  for (const s of isObj(series) ? list(series.series) : []) {
    if (!isObj(s)) continue;
    const n = new NumberCheck(evidence, out, 'series.json', String(s.id));
    for (const [i, p] of list(s.points).entries()) {
      if (!isObj(p)) continue;
      n.stated(p.value, p.citations, `points[${i}].value`, `points[${i}].citations`);
      n.prose(p.note, p.citations, `points[${i}].note`, `points[${i}].citations`);
    }
  }
  const routes = files.get('routes.geojson');
  for (const f of isObj(routes) ? list(routes.features) : []) {
    const p = isObj(f) && isObj(f.properties) ? f.properties : {};
    const r = isObj(p.roadLength) ? p.roadLength : null;
    if (!r) continue;
    const n = new NumberCheck(evidence, out, 'routes.geojson', String(p.id));
    if (isObj(r.derived)) n.derived(r.km, r.derived, r.citations, 'roadLength', 'roadLength.citations');
    else n.stated(r.km, r.citations, 'roadLength.km', 'roadLength.citations');
  }
  const places = files.get('places.geojson');
  for (const f of isObj(places) ? list(places.features) : []) {
    const p = isObj(f) && isObj(f.properties) ? f.properties : {};
    const n = new NumberCheck(evidence, out, 'places.geojson', String(p.id));
    const at = isObj(f) && isObj(f.geometry) && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : [];
    n.coordinate(at, p.sources);
    for (const [i, m] of list(p.mentions).entries()) {
      if (isObj(m))
        n.prose(m.says, [{ article: m.article, paragraph: m.paragraph }], `mentions[${i}].says`, `mentions[${i}]`);
    }
  }
  return out;
}
