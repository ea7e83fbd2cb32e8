/**
 * "Every person a dot": when each dot of the September–October 2023 exodus reaches the border, and
 * where along the Lachin corridor it is at a given time. Pure, so the map layer's shader can mirror
 * it and the unit tests can check it without WebGL.
 */

const HOUR_MS = 3_600_000;

/** One point of a cumulative series: `value` people had crossed by `t` (epoch ms). */
export interface SeriesPoint {
  t: number;
  value: number;
}

/**
 * The series starts at 30 people on the afternoon of 24 September; the curve is taken as 0 this
 * long before its first point, so the first few dots do not all share one instant.
 */
export const SERIES_LEAD_IN_MS = 12 * HOUR_MS;

/** Caps the dots one call makes (16 MB of Float64Array), so a wild `count` cannot exhaust memory. */
export const MAX_DOTS = 1 << 21;

/** Hours from Stepanakert to the Hakari bridge: "a full day" on the road (JAMnews witness, s004-a10 ¶43). */
export const DRIVE_TO_BORDER_MS = 24 * HOUR_MS;

/** Hours from the Hakari bridge to Goris: schematic, no source times this leg. */
export const BORDER_TO_GORIS_MS = 2 * HOUR_MS;

/** The column moved "in four rows" (s004-a10 ¶44): lane offsets are these row centres. */
export const LANE_ROWS = [-1.5, -0.5, 0.5, 1.5] as const;

/** Number of dots a count gives at a scale, bounded so callers can allocate it safely. */
function dotCount(count: number, perDot: number): number {
  if (!(count > 0) || !(perDot > 0)) return 0;
  const n = Math.floor(count / perDot);
  return Number.isFinite(n) ? Math.min(n, MAX_DOTS) : 0;
}

/**
 * The times at which the cumulative curve reaches `(i + 0.5) * perDot` for each dot `i`: the inverse
 * of the piecewise-linear series, so dot counts over time reproduce the series. Points are sorted by
 * time and a falling value is held at its previous maximum; targets past the last value get the
 * last point's time.
 */
export function crossingTimes(points: SeriesPoint[], count: number, perDot = 1): Float64Array {
  const clean = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value)).sort((a, b) => a.t - b.t);
  const first = clean[0];
  const n = dotCount(count, perDot);
  const out = new Float64Array(first ? n : 0);
  if (!first) return out;
  let ta = first.t - SERIES_LEAD_IN_MS;
  let va = 0;
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    const target = (i + 0.5) * perDot;
    // Targets rise with i, so the segment search resumes where the previous dot's ended.
    let hit = false;
    while (k < clean.length) {
      const p = clean[k] as SeriesPoint;
      const vb = Math.max(va, p.value);
      if (target <= vb) {
        // The share of the segment first, so that times and values far apart cannot overflow to
        // Infinity (a weighted mean where even the span of the two times does), kept within the
        // segment so rounding never puts a dot before the one behind it.
        const k = vb > va ? (target - va) / (vb - va) : 1;
        const span = p.t - ta;
        const at = Number.isFinite(span) ? ta + span * k : ta * (1 - k) + p.t * k;
        out[i] = k >= 1 ? p.t : Math.min(p.t, Math.max(ta, at));
        hit = true;
        break;
      }
      ta = p.t;
      va = vb;
      k++;
    }
    if (!hit) out[i] = ta;
  }
  return out;
}

/** One dot's journey: leaves Stepanakert, crosses at the Hakari bridge, reaches Goris. */
export interface Trip {
  departMs: number;
  borderMs: number;
  arriveMs: number;
}

/** The journey of a dot that crossed the border at `crossingMs`. */
export function tripFor(crossingMs: number): Trip {
  return {
    departMs: crossingMs - DRIVE_TO_BORDER_MS,
    borderMs: crossingMs,
    arriveMs: crossingMs + BORDER_TO_GORIS_MS,
  };
}

/** Clamps to 0..1, with NaN as 0, so a progress is always drawable. */
function unit(x: number): number {
  return x >= 0 ? Math.min(x, 1) : 0;
}

/**
 * Fraction of the route covered at `t`: 0 until departure, `borderFraction` at the border, 1 from
 * arrival on, linear within each leg. Mirrored by the exodus layer's vertex shader.
 */
export function progressAt(t: number, trip: Trip, borderFraction: number): number {
  if (!(t > trip.departMs)) return 0;
  const b = unit(borderFraction);
  if (t < trip.borderMs) return unit((b * (t - trip.departMs)) / (trip.borderMs - trip.departMs));
  if (t < trip.arriveMs) return unit(b + ((1 - b) * (t - trip.borderMs)) / (trip.arriveMs - trip.borderMs));
  return 1;
}

/** A tiny seeded PRNG (mulberry32) giving floats in [0, 1): the same seed, the same dots, every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Each dot's row across the road, in row units (−1.5..1.5), drawn from a seeded PRNG. */
export function laneOffsets(n: number, seed = 1): Float32Array {
  const out = new Float32Array(dotCount(n, 1));
  const next = mulberry32(seed);
  for (let i = 0; i < out.length; i++) out[i] = LANE_ROWS[Math.floor(next() * LANE_ROWS.length)] ?? 0;
  return out;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat positions. */
function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Cumulative length fraction (0..1) at each vertex of a lon/lat polyline: progress is a share of
 * the road's length, and the border's fraction is the value at its vertex. A route of no length
 * gives zeros.
 */
export function routeFractions(route: readonly (readonly [number, number])[]): number[] {
  const cumulative: number[] = [];
  let total = 0;
  route.forEach((v, i) => {
    const prev = route[i - 1];
    const d = prev ? haversineM(prev, v) : 0;
    total += Number.isFinite(d) ? d : 0;
    cumulative.push(total);
  });
  return cumulative.map((c) => (total > 0 ? c / total : 0));
}
