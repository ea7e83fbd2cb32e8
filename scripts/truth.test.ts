/**
 * The guards of docs/data-rules.md, each shown to bite: the real dataset passes, and the same
 * dataset with one defect planted (each of those an independent check once found in it) fails with
 * the message that names the defect.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanPointInPolygon, featureCollection, intersect, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkDataset, formatProblem } from '../src/data/check-data';
import { SIDE_MEANING, SIDES } from '../src/vocabulary/vocabulary';
import { buildBasemap } from './basemap';
import { loadDataset, ROOT, readCatalogue } from './data-files';
import { readEvidence } from './evidence';
import { SHUSHA_CUT_KM, zoneGeometry } from './zone-geometry';

// biome-ignore lint/suspicious/noExplicitAny: planting defects walks the raw JSON freely.
type Json = Record<string, any>;
const { files } = loadDataset();
const catalogue = readCatalogue();
const evidence = readEvidence();

/** The problems of the dataset after `plant` changes a copy of it. */
function problemsWith(plant: (f: Map<string, Json>) => void): string[] {
  const copy = new Map([...files].map(([k, v]) => [k, structuredClone(v) as Json]));
  plant(copy);
  return checkDataset(copy, catalogue, evidence).map(formatProblem);
}
const records = (f: Map<string, Json>, file: string, key: string): Json[] => f.get(file)?.[key] ?? [];
const event = (f: Map<string, Json>, id: string) =>
  records(f, 'events.json', 'events').find((e) => e.id === id) as Json;
const feature = (f: Map<string, Json>, file: string, id: string) =>
  records(f, file, 'features').find((x) => x.properties.id === id) as Json;
const claimant = (f: Map<string, Json>, id: string) =>
  records(f, 'claimants.json', 'claimants').find((c) => c.id === id) as Json;

describe('the dataset as it stands', () => {
  it('passes every rule: schema, numbers against their citations, attribution and spelling', () => {
    expect(problemsWith(() => undefined)).toEqual([]);
  });
});

describe('rule N1: every number is written in what it cites', () => {
  it('fails on a journey carrying a count no source gives (3,000 from Martakert)', () => {
    const problems = problemsWith((f) => {
      const e = event(f, 'evacuations-19-sep');
      e.movements = [
        {
          path: ['martakert', 'stepanakert'],
          from: 'martakert',
          to: 'stepanakert',
          start: '2023-09-19T15:00',
          end: '2023-09-20T12:00',
          people: 3000,
          citations: [{ article: 's000-a01', paragraph: 14 }],
          depicts: ['displaced-reach-stepanakert'],
          basis: 'schematic',
        },
      ];
    });
    expect(problems).toContain(
      'events.json: evacuations-19-sep: movements[0].people: 3,000 is not written in s000-a01 ¶14 (it states 2)',
    );
  });

  it('fails on casualties cited to a paragraph that does not give them (Kut, ABC News ¶24)', () => {
    const problems = problemsWith((f) => {
      const killed = (event(f, 'kut-shooting').figures as Json[]).find((x) => x.quantity === 'killed-kut');
      if (killed) killed.citations = [{ article: 's004-a02', paragraph: 24 }];
    });
    expect(problems).toContain(
      'events.json: kut-shooting: figures[0].value: 1 is not written in s004-a02 ¶24, which states no number',
    );
  });

  it('fails on a derived figure whose arithmetic does not give it', () => {
    const problems = problemsWith((f) => {
      const wounded = (event(f, 'offensive').figures as Json[]).find((x) => x.derived);
      if (wounded) wounded.derived.formula = '2 × 220';
    });
    expect(problems).toContain('events.json: offensive: figures[7].derived.formula: 2 × 220 = 440, not 400');
    expect(problems).toContain(
      'events.json: offensive: figures[7].derived.formula: 220 is written in none of its citations',
    );
  });

  it('fails on a number in a summary that no citation of the event gives', () => {
    const problems = problemsWith((f) => {
      event(f, 'evacuations-19-sep').summary += ' About 5,000 of them came from Askeran.';
    });
    expect(problems).toContain('events.json: evacuations-19-sep: summary: 5,000 is written in none of its citations');
  });

  it('fails on a series point credited to a row that does not give it', () => {
    const problems = problemsWith((f) => {
      const daily = records(f, 'series.json', 'series').find((s) => s.id === 'daily-arrivals');
      for (const p of daily?.points ?? []) for (const c of p.citations) delete c.row;
    });
    expect(problems).toContain(
      'series.json: daily-arrivals: points[0].value: 9,000 is not written in research/facts.md §5 (it states 28, 68,386)',
    );
  });
});

describe('rule N2: a place is where a source puts it', () => {
  it('fails on a position no source gives (Ishkhanasar guessed between Goris and Kornidzor)', () => {
    const problems = problemsWith((f) => {
      const p = feature(f, 'places.geojson', 'ishkhanasar');
      p.geometry.coordinates = [46.4733, 39.5153];
      p.properties.sources = [{ article: 's004-a08', paragraph: 5 }];
    });
    expect(problems).toContain(
      'places.geojson: ishkhanasar: geometry.coordinates: 46.4733, 39.5153 is written in none of its sources',
    );
  });
});

describe('rule S1: every mark on the map depicts claims, and takes their status', () => {
  it('fails on a place drawn under fire on no claim (Martakert and Askeran in the offensive)', () => {
    const problems = problemsWith((f) => {
      event(f, 'offensive').effects = [{ place: 'askeran', state: 'under-fire' }];
    });
    expect(problems).toContain(
      'events.json: offensive: effects[0].depicts: a mark on the map must name the claim(s) it depicts',
    );
  });

  it('fails on a disputed claim without its answer, and on an answered claim called anything but disputed', () => {
    const problems = problemsWith((f) => {
      const [fire] = event(f, 'kut-shooting').claims as Json[];
      if (fire) fire.status = 'claimed';
      const [sotk] = event(f, 'sotk-soldier-killed').claims as Json[];
      if (sotk) delete sotk.response;
    });
    expect(problems).toContain(
      'events.json: kut-shooting: claims[0].status: a claim with an answer in response must be disputed',
    );
    expect(problems).toContain(
      'events.json: sotk-soldier-killed: claims[0].response: a disputed claim must carry the answer that disputes it',
    );
  });

  it('fails on a single source called confirmed', () => {
    const problems = problemsWith((f) => {
      const [telecom] = event(f, 'telecom-cut').claims as Json[];
      if (telecom) telecom.status = 'confirmed';
    });
    expect(problems).toContain(
      'events.json: telecom-cut: claims[0].status: confirmed needs citations from at least two independent sources',
    );
  });

  it('fails on an encirclement or attack arrow that names no claim', () => {
    const problems = problemsWith((f) => {
      delete feature(f, 'areas.geojson', 'martakert-encirclement').properties.depicts;
      delete feature(f, 'offensive-arrows.geojson', 'attack-askeran').properties.depicts;
    });
    expect(problems).toContain(
      'areas.geojson: martakert-encirclement: depicts: a mark on the map must name the claim(s) it depicts',
    );
    expect(problems).toContain(
      'offensive-arrows.geojson: attack-askeran: depicts: a mark on the map must name the claim(s) it depicts',
    );
  });
});

describe('rule C1: whose claim it is, from one table of claimants', () => {
  it('fails on a claimant the table does not know (DPA, a photo credit)', () => {
    const problems = problemsWith((f) => {
      const [figure] = event(f, 'lachin-blockade').figures as Json[];
      if (figure) figure.claimant = 'DPA';
    });
    expect(problems).toContain(
      'events.json: lachin-blockade: figures[0].claimant: “DPA” is not a claimant of data/claimants.json',
    );
  });

  it('fails on a side that does not fit the claimant: an ombudsman, a journalist, an analyst', () => {
    const problems = problemsWith((f) => {
      claimant(f, 'gegham-stepanyan').side = 'armenian';
      claimant(f, 'journalist-leaving-stepanakert').side = 'karabakh-armenian';
      claimant(f, 'tofig-zulfugarov').side = 'azerbaijani';
    });
    expect(problems).toEqual([
      'claimants.json: gegham-stepanyan: side: a claimant of kind de-facto-authority speaks for karabakh-armenian, not armenian',
      'claimants.json: journalist-leaving-stepanakert: side: a claimant of kind journalist speaks for media, not karabakh-armenian',
      'claimants.json: tofig-zulfugarov: side: a claimant of kind analyst speaks for analyst, not azerbaijani',
    ]);
  });

  it('fails on a record that writes its own side', () => {
    const problems = problemsWith((f) => {
      const [figure] = event(f, 'humanitarian-ban').figures as Json[];
      if (figure) figure.side = 'armenian';
    });
    expect(problems).toContain(
      'events.json: humanitarian-ban: figures[0].side: is read from data/claimants.json; remove it here',
    );
  });

  it('has one sentence per side in src/vocabulary, repeated word for word in data/README.md', () => {
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    const row = (side: string) => new RegExp(`^\\|\\s*\`${side}\`\\s*\\|\\s*(.*?)\\s*\\|$`, 'm').exec(readme)?.[1];
    for (const side of SIDES) expect(row(side), side).toBe(SIDE_MEANING[side]);
  });
});

describe('rule W1: a summary attributes what is not confirmed', () => {
  it('fails on a one-sided claim stated as fact (the shelling of Stepanakert, the fire near Kut)', () => {
    const problems = problemsWith((f) => {
      event(f, 'shelling-stepanakert').summary = 'Stepanakert comes under intense shelling from 13:45.';
      event(f, 'kut-shooting').summary =
        "Azerbaijani forces open fire near Kut, on Armenia's eastern border, killing a serviceman and wounding two.";
    });
    expect(problems).toContain(
      'events.json: shelling-stepanakert: summary: states the disputed claim stepanakert-shelled without attributing it in the same sentence: “Stepanakert comes under intense shelling from 13:45.”',
    );
    expect(problems).toContain(
      "events.json: kut-shooting: summary: states the disputed claim kut-fire without attributing it in the same sentence: “Azerbaijani forces open fire near Kut, on Armenia's eastern border, killing a serviceman and wounding two.”",
    );
  });

  it('fails on a disputed claim given without the answer', () => {
    const problems = problemsWith((f) => {
      const e = event(f, 'sotk-soldier-killed');
      e.summary = "Armenia's defence ministry reports a soldier killed by Azerbaijani fire near Sotk.";
    });
    expect(problems).toContain(
      'events.json: sotk-soldier-killed: summary: gives the disputed claim sotk-fire without the answer of azerbaijan-government',
    );
  });
});

describe('rule W2: a place is spelt one way', () => {
  it('fails on a variant of a place name in any record (Мартакерта, Եւլախ)', () => {
    const problems = problemsWith((f) => {
      feature(f, 'areas.geojson', 'martakert-encirclement').properties.names.ru = 'Окружение Мартакерта';
      feature(f, 'routes.geojson', 'yevlakh-road').properties.names.hy = 'Եւլախ – Ակնա – Ստեփանակերտ ճանապարհ';
    });
    expect(problems).toContain(
      'areas.geojson: martakert-encirclement: names.ru: “Мартакерта” spells the place name “Мардакерт” differently from places.geojson',
    );
    expect(problems).toContain(
      'routes.geojson: yevlakh-road: names.hy: “Եւլախ” spells the place name “Եվլախ” differently from places.geojson',
    );
  });
});

describe('geometry drawn from the rules its note states', () => {
  const areas = files.get('areas.geojson') as FeatureCollection;
  const zone = areas.features.find((f) => f.properties?.id === 'peacekeeping-zone') as Feature<Polygon | MultiPolygon>;
  const armenia = buildBasemap().features.find(
    (f) => f.properties?.layer === 'country' && f.properties?.id === 'armenia',
  ) as Feature<Polygon | MultiPolygon>;
  const places = new Map(
    (files.get('places.geojson') as FeatureCollection).features.map((f) => [f.properties?.id, f.geometry]),
  );
  const at = (id: string) => {
    const g = places.get(id);
    if (g?.type !== 'Point') throw new Error(id);
    return point(g.coordinates);
  };

  it('keeps the peacekeepers’ zone off Shusha and off Armenia, and along the corridor to the bridge', () => {
    expect(booleanPointInPolygon(at('shusha'), zone)).toBe(false);
    const overlap = intersect(featureCollection([zone, armenia]));
    expect(overlap ? area(overlap) : 0).toBeLessThan(10_000); // under 0.01 km²: the borders' rounding
    for (const id of ['stepanakert', 'askeran', 'martakert', 'lisagor', 'mets-shen', 'hin-shen'])
      expect(booleanPointInPolygon(at(id), zone), id).toBe(true);
    expect(booleanPointInPolygon(at('kornidzor'), zone)).toBe(false);
    expect(SHUSHA_CUT_KM).toBeGreaterThan(1);
  });

  it('is what scripts/zone-geometry.ts draws from the data', () => {
    expect(zoneGeometry()).toEqual(zone.geometry);
  });
});
