/**
 * Claims checked against the map: figures the sources state (how far Yevlakh is, how long the column
 * of cars was, how fast people crossed, how many had left) recomputed from the dataset's coordinates
 * and series, set beside the source's figure and flagged where the two differ by more than a stated
 * tolerance. Pure: every stated figure is read from events.json by its quantity.
 */
import { formatReadable } from '../time/iso';
import type { Engine } from '../timeline/scene';
import {
  type ClaimCheck,
  type ComputedFigure,
  compare,
  fmt,
  minutes,
  ROUND_FIGURE,
  stated,
  type Tolerance,
} from './claim-check';
import { exodusShare } from './exodus-share';
import { measureAlongRoute, measureStraight } from './measure';

export type { ClaimCheck, ComputedFigure, DayRow, DayStatement, StatedFigure, Tolerance } from './claim-check';

/** Two places of the dataset, a road, and the length along it between them (null if anything is missing). */
function onRoad(engine: Engine, fromId: string, toId: string, routeId: string) {
  const from = engine.data.places.get(fromId);
  const to = engine.data.places.get(toId);
  const road = engine.data.routes.get(routeId);
  const along = road && from && to ? measureAlongRoute(road.coordinates, from.coordinates, to.coordinates) : null;
  return from && to && road && along ? { from, to, road, along } : null;
}

function yevlakhDistance(engine: Engine): ClaimCheck | null {
  const [first, ...others] = stated(engine, 'distance-yevlakh-stepanakert');
  const found = onRoad(engine, 'stepanakert', 'yevlakh', 'yevlakh-road');
  if (!first || !found) return null;
  const { from, to, road, along } = found;
  const placeSources = [...from.sources, ...to.sources];
  const straight: ComputedFigure = {
    label: 'straight line',
    value: measureStraight([from.coordinates, to.coordinates]).total,
    unit: 'km',
    method:
      'Great-circle distance (turf distance) between the coordinates of Stepanakert and Yevlakh in places.geojson.',
    inputs: placeSources,
  };
  const byRoad: ComputedFigure = {
    label: 'along the drawn road',
    value: along.length,
    unit: 'km',
    method: 'Length (turf length) of the yevlakh-road route in routes.geojson from Yevlakh to Stepanakert.',
    inputs: road.sources,
  };
  const tolerance: Tolerance = {
    kind: 'relative',
    value: ROUND_FIGURE,
    why: '"About a hundred kilometres" is a round figure: anything from 85 to 115 km would be given as it.',
  };
  const computed: ComputedFigure = {
    label: 'straight line to drawn road',
    value: Math.min(straight.value, byRoad.value),
    max: Math.max(straight.value, byRoad.value),
    unit: 'km',
    method: 'From the straight line to the length along the drawn road, both computed below.',
    inputs: [...placeSources, ...road.sources],
  };
  return {
    id: 'yevlakh-distance',
    question: 'Is Yevlakh, where the talks were held, about 100 km from Stepanakert?',
    stated: first,
    alsoStated: others,
    computed,
    also: [straight, byRoad],
    tolerance,
    ...compare(first, computed, tolerance),
    note: `The drawn road is straight segments between its waypoints, so a road through the same places can only be longer. The route's own note: ${road.geometryBasis}`,
    days: [],
  };
}

function queueLength(engine: Engine): ClaimCheck | null {
  const [first, ...others] = stated(engine, 'queue-length');
  const found = onRoad(engine, 'stepanakert', 'hakari-bridge', 'lachin-corridor');
  if (!first || !found) return null;
  const { from, to, road, along } = found;
  const tolerance: Tolerance = {
    kind: 'relative',
    value: ROUND_FIGURE,
    why: '"More than 60 km" is a floor: any length above it agrees; below it we allow the same 15% as for a round figure.',
  };
  const drawn: ComputedFigure = {
    label: 'along the drawn corridor',
    value: along.length,
    unit: 'km',
    method:
      'Length (turf lineSlice and length) of the lachin-corridor route between Stepanakert and the hakari-bridge waypoint.',
    inputs: [...road.sources, ...to.sources],
  };
  const reported = road.roadLength;
  const byRoad: ComputedFigure | null =
    reported && reported.from === 'stepanakert' && reported.to === 'hakari-bridge'
      ? {
          label: 'by road, from reported distances',
          value: reported.km,
          unit: 'km',
          method: reported.derived
            ? `${reported.derived.formula} km: ${reported.derived.note}.`
            : 'The road length between the two places as its source gives it.',
          inputs: reported.citations,
        }
      : null;
  const computed = byRoad ?? drawn;
  const straight: ComputedFigure = {
    label: 'straight line',
    value: measureStraight([from.coordinates, to.coordinates]).total,
    unit: 'km',
    method: 'Great-circle distance (turf distance) between Stepanakert and the Hakari bridge checkpoint.',
    inputs: [...from.sources, ...to.sources],
  };
  return {
    id: 'queue-length',
    question:
      'Is the road from Stepanakert to the Hakari bridge more than 60 km long, as the column of cars was reported to be?',
    stated: first,
    alsoStated: others,
    computed,
    also: byRoad ? [drawn, straight] : [straight],
    tolerance,
    ...compare(first, computed, tolerance),
    note:
      'The drawn corridor is straight segments between waypoints, so it is shorter than the road; the report also ' +
      `has the column run on past the bridge. The route's own note: ${road.geometryBasis}`,
    days: [],
  };
}

function crossingRate(engine: Engine): ClaimCheck | null {
  const [first, ...others] = stated(engine, 'crossing-rate');
  const series = engine.data.series.get('crossed-into-armenia');
  const points = series?.points ?? [];
  const p0 = points[0];
  const pN = points[points.length - 1];
  if (!first || !series || !p0 || !pN || pN.t <= p0.t) return null;
  const average = (pN.value - p0.value) / minutes(pN.t - p0.t);
  // Only reports with a stated hour: a window or a day placed at noon would make a rate of its own.
  const timed = points.filter((p) => p.precision === 'hour' || p.precision === 'minute');
  let peak = { rate: 0, a: p0, b: p0 };
  for (let i = 1; i < timed.length; i++) {
    const a = timed[i - 1];
    const b = timed[i];
    const rate = a && b && b.t > a.t ? (b.value - a.value) / minutes(b.t - a.t) : 0;
    if (a && b && rate > peak.rate) peak = { rate, a, b };
  }
  const unit = first.unit;
  const overall: ComputedFigure = {
    label: 'overall average',
    value: average,
    unit,
    method: `The rise of the ${series.id} series from its first report (${formatReadable(p0.t, 'minute')}, ${fmt(p0.value)}) to its last (${formatReadable(pN.t, 'minute')}, ${fmt(pN.value)}), divided by the minutes between them.`,
    inputs: [...p0.citations, ...pN.citations],
  };
  const fastest: ComputedFigure = {
    label: 'peak between consecutive reports',
    value: peak.rate,
    unit,
    method: `The fastest rise between consecutive reports with a stated hour: ${fmt(peak.b.value - peak.a.value)} people from ${formatReadable(peak.a.t, 'minute')} to ${formatReadable(peak.b.t, 'minute')}.`,
    inputs: [...peak.a.citations, ...peak.b.citations],
  };
  const tolerance: Tolerance = {
    kind: 'relative',
    value: ROUND_FIGURE,
    why: '"About 16" is a round figure; the series gives a range of rates, so it agrees if it lies within 15% of that range.',
  };
  const computed: ComputedFigure = {
    label: 'overall average to peak',
    value: average,
    max: peak.rate,
    unit,
    method:
      'The range from the overall average to the peak rate, both computed below from the Armenian arrival figures.',
    inputs: [...overall.inputs, ...fastest.inputs],
  };
  return {
    id: 'crossing-rate',
    question: 'Do the Armenian arrival figures imply about 16 people a minute crossing at the checkpoint?',
    stated: first,
    alsoStated: others,
    computed,
    also: [overall, fastest],
    tolerance,
    ...compare(first, computed, tolerance),
    note: `The figures reach such a rate only in their busiest hours. At ${fmt(first.value)} a minute, one registration window would have about ${fmt(60 / first.value, 1)} seconds per person; how many windows there were is not in the data.`,
    days: [],
  };
}

/** Every check the data allow, in reading order; a check whose data are missing is left out, never guessed. */
export function checkClaims(engine: Engine): ClaimCheck[] {
  return [yevlakhDistance, queueLength, crossingRate, exodusShare].flatMap((check) => check(engine) ?? []);
}
