/**
 * The dataset's vocabularies, each defined once: the values as `as const` lists, their types, and a
 * sentence per value saying what it means. The data checks, the engine, the URL state and the map's
 * style all read them from here; data/README.md repeats the sentences and a data test keeps it equal.
 */

export const LANGUAGES = ['en', 'hy', 'az', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whose claim a figure or a statement is: the claimant's side, read from data/claimants.json. */
export const SIDES = [
  'armenian',
  'karabakh-armenian',
  'azerbaijani',
  'russian',
  'international',
  'media',
  'analyst',
  'other',
] as const;
export type Side = (typeof SIDES)[number];

export const SIDE_MEANING: Record<Side, string> = {
  armenian:
    "Armenia's state: the prime minister and his office, ministries, envoys, the Investigative Committee and other serving officials of the Republic of Armenia.",
  'karabakh-armenian':
    'The Karabakh Armenian authorities: the de facto republic’s president, government, ombudsman, army, emergency services and officials.',
  azerbaijani:
    "Azerbaijan's state: the president and his administration, ministries, the prosecutor general, courts, the border service and state news agencies.",
  russian: "Russia's state: the Kremlin, the defence ministry and the command of its peacekeeping contingent.",
  international:
    'International organisations (the UN and its agencies, the ICRC, the EU, the ICJ) and the governments of states not party to the conflict.',
  media:
    'News outlets and journalists speaking in their own name: what they saw, their estimates and their own arithmetic. An outlet relaying a claim is not its claimant.',
  analyst:
    'Analysts, academics, research institutes, former officials and politicians out of office, speaking for themselves and not for a state.',
  other: 'Private persons: residents, witnesses and people who left.',
};

/** What a claimant is; each kind belongs to the sides listed (checked in data/claimants.json). */
export const CLAIMANT_KINDS = [
  'state',
  'de-facto-authority',
  'international-organisation',
  'foreign-state',
  'outlet',
  'journalist',
  'analyst',
  'person',
] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const CLAIMANT_KIND_SIDES: Record<ClaimantKind, readonly Side[]> = {
  state: ['armenian', 'azerbaijani', 'russian'],
  'de-facto-authority': ['karabakh-armenian'],
  'international-organisation': ['international'],
  'foreign-state': ['international'],
  outlet: ['media'],
  journalist: ['media'],
  analyst: ['analyst'],
  person: ['other'],
};

/**
 * How far a claim is established. A mark on the map takes the weakest status of the claims it
 * depicts (timeline/attribution.ts), and is drawn and worded by it.
 */
export const CLAIM_STATUSES = ['confirmed', 'claimed', 'unconfirmed', 'disputed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_MEANING: Record<ClaimStatus, string> = {
  confirmed:
    'Reported by at least two independent sources (different outlets or wire services, or both sides), and answered by no one.',
  claimed: "One claimant's statement that no cited source contradicts or confirms: shown as “claimed by” its claimant.",
  unconfirmed: 'A report that its own source calls unconfirmed, single-source or hearsay ("it was reported").',
  disputed: 'A claim that the other side (or another cited source) denies or contests, shown with its answer.',
};

/** From the weakest to the strongest: a mark depicting several claims takes the first of these that applies. */
export const STATUS_STRENGTH: readonly ClaimStatus[] = ['disputed', 'unconfirmed', 'claimed', 'confirmed'];

/** How an answer meets a claim. */
export const RESPONSE_STANCES = ['denies', 'disputes'] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

export const RESPONSE_STANCE_MEANING: Record<ResponseStance, string> = {
  denies: 'The answer says the claimed thing did not happen.',
  disputes: 'The answer accepts part of the claim and contests the rest, or its meaning.',
};

/** What an event does to a place on the map while it lasts. */
export const PLACE_STATES = ['under-fire', 'encircled', 'shelter', 'explosion', 'emptied'] as const;
export type PlaceState = (typeof PLACE_STATES)[number];

export const PLACE_STATE_MEANING: Record<PlaceState, string> = {
  'under-fire': 'Fired on, shelled or shot at.',
  encircled: 'Surrounded, its residents unable to leave.',
  shelter: 'Where people took refuge.',
  explosion: 'Where an explosion happened.',
  emptied: 'Left by (almost) all its residents.',
};

/** How readers see a place state in labels and sentences. */
export const PLACE_STATE_WORDS: Record<PlaceState, string> = {
  'under-fire': 'under fire',
  encircled: 'encircled',
  shelter: 'people in shelter',
  explosion: 'explosion',
  emptied: 'emptied',
};

export const CATEGORIES = [
  'blockade',
  'offensive',
  'talks',
  'humanitarian',
  'exodus',
  'diplomacy',
  'aftermath',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_MEANING: Record<Category, string> = {
  blockade: 'The closure of the Lachin corridor and its effects on the people it cut off.',
  offensive: 'Military action: the operation, shelling and fighting, and the ceasefire that ended it.',
  talks: 'Negotiation between the parties, such as the Yevlakh meetings and the terms of disarmament.',
  humanitarian: 'Aid, shelter, casualties among civilians and the care of those who left.',
  exodus: 'The departure of the Karabakh Armenians and their arrival in Armenia.',
  diplomacy: 'Statements and steps of governments and international bodies not party to the talks.',
  aftermath: 'What followed the exodus: arrests, the dissolution of the de facto institutions, the emptied region.',
};

/** How precisely a time is known; a time is never shown finer than its precision (rule D1). */
export const PRECISIONS = ['minute', 'hour', 'day', 'month', 'window'] as const;
export type EventPrecision = (typeof PRECISIONS)[number];

export const PRECISION_MEANING: Record<EventPrecision, string> = {
  minute: 'The source gives the time to the minute.',
  hour: 'The source gives the hour, or a time of day as "about".',
  day: 'The source gives the date and no time.',
  month: 'The source gives only the month.',
  window: 'The source bounds it between two times: it happened some time between start and end.',
};

/** What a road allows at a time. */
export const ROUTE_STATUSES = ['open', 'restricted', 'blocked', 'one-way'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

export const ROUTE_STATUS_MEANING: Record<RouteStatus, string> = {
  open: 'Traffic passes both ways.',
  restricted: 'Only some traffic passes; the record and its citations say which.',
  blocked: 'Nothing passes.',
  'one-way': 'Traffic passes in one direction only: out of Nagorno-Karabakh towards Armenia.',
};

/** Naming conventions: whose names the map prints. The app takes no side; the reader chooses. */
export const NAMINGS = LANGUAGES;
export type Naming = Language;

export const NAMING_MEANING: Record<Naming, string> = {
  en: 'International English names, as most of the cited outlets write them (Stepanakert, Martakert).',
  hy: 'Armenian names, as Armenian and Karabakh Armenian sources use them, in Armenian script.',
  az: 'Azerbaijani names, as Azerbaijani sources use them, in Latin script (Xankəndi, Ağdərə).',
  ru: 'Russian names, as Russian sources and the peacekeepers use them, in Cyrillic.',
};

/** The app's three ways of use, one per kind of reader. */
export const MODES = ['explore', 'present', 'embed'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_MEANING: Record<Mode, string> = {
  explore: 'For analysts: layers, filters, sources of every feature and event, measurement, their own data.',
  present: 'For educators: the story played in chapters, large type, driven from the keyboard.',
  embed: 'For embedders: one fixed view of time, place and layers in an iframe, with optional controls.',
};

/** Which events a moment shows. */
export const RANGES = ['instant', 'cumulative', 'window'] as const;
export type Range = (typeof RANGES)[number];

export const RANGE_MEANING: Record<Range, string> = {
  instant: 'What is happening at the moment: events under way at t.',
  cumulative: 'Everything that has happened up to the moment.',
  window: 'What happened between a start and the moment.',
};

/** What an embed lets its reader do. */
export const CONTROLS = ['none', 'slider', 'play'] as const;
export type Controls = (typeof CONTROLS)[number];

export const CONTROLS_MEANING: Record<Controls, string> = {
  none: 'A still view: no controls.',
  slider: 'A minimal time slider with a play button.',
  play: 'A play button only.',
};

/**
 * The story's chapters, by id; their titles and bounds come from the data (timeline/chapters.ts).
 * Fixed here so a link naming one is checked before the data loads.
 */
export const CHAPTER_IDS = ['blockade', 'offensive', 'talks', 'exodus', 'aftermath'] as const;
export type ChapterId = (typeof CHAPTER_IDS)[number];

/** What each chapter spans; its bounds are the events named here (timeline/chapters.ts). */
export const CHAPTER_MEANING: Record<ChapterId, string> = {
  blockade: 'The months of the Lachin corridor’s closure, from the start of the timeline to the offensive.',
  offensive: 'From the start of the military operation to the ceasefire.',
  talks: 'From the ceasefire to the opening of the corridor: the talks in Yevlakh and the disarmament.',
  exodus: 'From the opening of the corridor: the departure of the Karabakh Armenians to Armenia.',
  aftermath: 'From the UN mission’s visit: the last departures and the region they left.',
};
