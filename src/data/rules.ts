/**
 * The building blocks of the dataset's schema: a `Check` walks one record and reports problems by
 * field path; small rules check text, names, times and citations. Pure: no file access.
 */
import { parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { LANGUAGES } from '../vocabulary/vocabulary';
import type { Evidence } from './evidence';

export interface DataProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export const formatProblem = (p: DataProblem) => `${p.file}: ${p.record}: ${p.field}: ${p.message}`;

/** What cross-checks need to know about the rest of the dataset. */
export interface DataContext {
  /** Article id → number of paragraphs, from seeds/catalogue.json. */
  articles: ReadonlyMap<string, number>;
  /** Ids of places, on the map or off it. */
  placeIds: ReadonlySet<string>;
  routeIds: ReadonlySet<string>;
  /** Claimant id → its side and kind, from data/claimants.json. */
  claimants?: ReadonlyMap<string, { side: string; kind: string }>;
  /** Claim id → its status, from every event's claims. */
  claims?: ReadonlyMap<string, { status: string; event: string }>;
  /** Article id → who wrote it: the wire service it came through, else its outlet, else its document. */
  origins?: ReadonlyMap<string, string>;
  /** The numbers each citable paragraph and fact-sheet row states (seeds/evidence.json). */
  evidence?: Evidence;
}

export type Obj = Record<string, unknown>;

const LANGS = LANGUAGES;

// Bidirectional overrides and isolates can make text read differently from what it says.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reports problems for one record of one file. */
export class Check {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly ctx: DataContext,
    readonly out: DataProblem[],
  ) {}

  fail(field: string, message: string): void {
    this.out.push({ file: this.file, record: this.record, field, message });
  }

  text(v: unknown, field: string, max = 1200): v is string {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(field, 'must be a non-empty string');
      return false;
    }
    if (v.length > max) this.fail(field, `is ${v.length} characters long (at most ${max})`);
    if (BIDI_CONTROLS.test(v)) this.fail(field, 'contains a bidirectional control character');
    return true;
  }

  optionalText(v: unknown, field: string, max = 1200): void {
    if (v !== undefined) this.text(v, field, max);
  }

  oneOf(v: unknown, field: string, allowed: readonly unknown[]): void {
    if (!allowed.includes(v)) this.fail(field, `must be one of ${allowed.join(', ')}`);
  }

  id(v: unknown, field = 'id'): v is string {
    if (typeof v !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) {
      this.fail(field, 'must be a lower-case id of letters, digits and hyphens');
      return false;
    }
    return true;
  }

  list(v: unknown, field: string, { nonEmpty = false } = {}): unknown[] {
    if (!Array.isArray(v)) {
      this.fail(field, 'must be a list');
      return [];
    }
    if (nonEmpty && v.length === 0) this.fail(field, 'must not be empty');
    return v;
  }

  names(v: unknown, unsourced: unknown, field = 'names'): void {
    if (!isObj(v)) {
      this.fail(field, 'must be an object of names by language');
      return;
    }
    if (v.en === undefined) this.fail(`${field}.en`, 'an English name is required');
    for (const [lang, name] of Object.entries(v)) {
      if (!(LANGS as readonly string[]).includes(lang))
        this.fail(`${field}.${lang}`, `language must be one of ${LANGS.join(', ')}`);
      else this.text(name, `${field}.${lang}`, 200);
    }
    if (unsourced === undefined) return;
    for (const [i, l] of this.list(unsourced, 'unsourcedNames').entries()) {
      if (typeof l !== 'string' || !(l in v))
        this.fail(`unsourcedNames[${i}]`, `“${String(l)}” names no name of this record`);
    }
  }

  /** A time as written in the data; returns epoch ms, or null after reporting the problem. */
  time(v: unknown, field: string, { inTimeline = true } = {}): number | null {
    const parsed = typeof v === 'string' ? parseIsoTime(v) : null;
    if (!parsed) {
      this.fail(field, `“${String(v)}” is not an ISO 8601 date or local date-time`);
      return null;
    }
    if (inTimeline && (parsed.t < TIMELINE_START || parsed.t > TIMELINE_END)) {
      this.fail(field, `${String(v)} is outside the timeline (2022-12-01 to 2023-10-15)`);
    }
    return parsed.t;
  }

  /**
   * A citation: a paragraph of a catalogued article; a row of research/facts.md with its public
   * source (and, where the row does not give the address itself, the first words of the row); or a
   * public page cited directly, quoting in `says` the fact it gives (a coordinate, a name).
   */
  citation(v: unknown, field: string): void {
    if (!isObj(v)) {
      this.fail(field, 'must be a citation object');
      return;
    }
    if ('article' in v) {
      const paragraphs = typeof v.article === 'string' ? this.ctx.articles.get(v.article) : undefined;
      if (paragraphs === undefined) {
        this.fail(`${field}.article`, `“${String(v.article)}” is not in seeds/catalogue.json`);
        return;
      }
      const p = v.paragraph;
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > paragraphs) {
        this.fail(`${field}.paragraph`, `must be a paragraph of ${String(v.article)} (1–${paragraphs})`);
      }
      return;
    }
    if (v.ref === undefined && v.says !== undefined) {
      if (typeof v.url !== 'string' || !/^https?:\/\/\S+$/.test(v.url))
        this.fail(`${field}.url`, 'must be an http(s) URL');
      this.text(v.says, `${field}.says`, 300);
      return;
    }
    if (typeof v.ref !== 'string' || !v.ref.startsWith('research/facts.md')) {
      this.fail(field, 'must cite {article, paragraph}, {ref: "research/facts.md §…", url} or {url, says}');
      return;
    }
    this.text(v.ref, `${field}.ref`, 400);
    if (v.row !== undefined) this.text(v.row, `${field}.row`, 80);
    if (v.url !== undefined && (typeof v.url !== 'string' || !/^https?:\/\/\S+$/.test(v.url))) {
      this.fail(`${field}.url`, 'must be an http(s) URL');
    }
  }

  /** The id of a claimant of data/claimants.json. */
  claimant(v: unknown, field: string): void {
    if (typeof v !== 'string' || !this.ctx.claimants?.has(v)) {
      this.fail(field, `“${String(v)}” is not a claimant of data/claimants.json`);
    }
  }

  /** Claims a mark on the map depicts: at least one, each a claim of events.json. */
  depicts(v: unknown, field: string): void {
    const list = Array.isArray(v) ? v : [];
    if (list.length === 0) {
      this.fail(field, 'a mark on the map must name the claim(s) it depicts');
      return;
    }
    for (const [i, id] of list.entries()) {
      if (typeof id !== 'string' || !this.ctx.claims?.has(id))
        this.fail(`${field}[${i}]`, `“${String(id)}” is not a claim id`);
    }
  }

  citations(v: unknown, field: string): void {
    for (const [i, c] of this.list(v, field, { nonEmpty: true }).entries()) this.citation(c, `${field}[${i}]`);
  }

  placeRef(v: unknown, field: string): void {
    if (typeof v !== 'string' || !this.ctx.placeIds.has(v)) this.fail(field, `“${String(v)}” is not a place id`);
  }

  routeRef(v: unknown, field: string): void {
    if (typeof v !== 'string' || !this.ctx.routeIds.has(v)) this.fail(field, `“${String(v)}” is not a route id`);
  }

  /** `{article, paragraph, says}`: what one source says happened at a place. */
  mention(v: unknown, field: string): void {
    if (!isObj(v)) {
      this.fail(field, 'must be an object');
      return;
    }
    this.citation({ article: v.article, paragraph: v.paragraph }, field);
    this.text(v.says, `${field}.says`, 400);
  }
}
