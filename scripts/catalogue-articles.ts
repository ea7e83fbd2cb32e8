/**
 * Where each article starts in the source documents, and what the document says of it. Written by
 * hand from the documents; `npm run catalogue` turns it into seeds/catalogue.json with checksums and
 * paragraph counts. Outlet, date and URL are recorded only as the document gives them: `null` where
 * it does not, with a note on what the text itself shows.
 */
export interface ArticleSpec {
  id: string;
  /** 1-based line of the article's first line (its headline or its first text line). */
  startLine: number;
  headline: string;
  outlet: string | null;
  /** Wire service or original publisher the document names, when another outlet republished it. */
  via?: string;
  date: string | null;
  /** `day` when the document dates it; `inferred` when the date comes from the text ("Thursday"). */
  datePrecision: 'day' | 'inferred';
  url: string | null;
  author?: string;
  note?: string;
}

export interface DocumentSpec {
  id: string;
  file: string;
  articles: ArticleSpec[];
}

export const DOCUMENTS: DocumentSpec[] = [
  {
    id: 's000',
    file: '000_04829481effe6b02.txt',
    articles: [
      {
        id: 's000-a01',
        startLine: 1,
        headline: 'Nagorno-Karabakh: The Armenians remain trapped in their exclave',
        outlet: null,
        date: '2023-09-21',
        datePrecision: 'inferred',
        url: null,
        note: 'Outlet not named ("source site-3"); its photo is credited to Siranush Sargsyan / DPA, which shows nothing of who wrote the text. Dated by its text: written on the Thursday two days after the offensive began.',
      },
    ],
  },
  {
    id: 's001',
    file: '001_212850c7222ce42b.txt',
    articles: [
      {
        id: 's001-a01',
        startLine: 3,
        headline: 'Top Russian officer among troops killed during Azerbaijan’s attack on Nagorno-Karabakh',
        outlet: null,
        via: 'RFE/RL',
        date: '2023-09-21',
        datePrecision: 'inferred',
        url: null,
        note: 'A republished RFE/RL report (it quotes RFE/RL’s Armenian Service and Reuters), outlet not named; dated by its text (events of 21 September).',
      },
    ],
  },
  {
    id: 's002',
    file: '002_1e93f2f9c2d00ea2.txt',
    articles: [
      {
        id: 's002-a01',
        startLine: 1,
        headline: 'After cease-fire, Nagorno-Karabakh and Azerbaijan discuss their future',
        outlet: null,
        date: '2023-09-21',
        datePrecision: 'inferred',
        url: null,
        note: 'Outlet not named (a "First Look" video page); it cites TASS, Interfax and Azerbaijan’s state news agency. Dated by its text (talks held on Thursday 21 September).',
      },
    ],
  },
  {
    id: 's003',
    file: '003_09b458df3e852b2a.txt',
    articles: [
      {
        id: 's003-a01',
        startLine: 3,
        headline: 'First Artsakh-Azerbaijan Meeting Takes Place Amid Reports of Shooting at Stepanakert',
        outlet: 'Atlas News',
        date: '2023-09-21',
        datePrecision: 'day',
        url: null,
        author: 'Sébastien Gray',
        note: 'The text dates itself "Today (September 21st)".',
      },
    ],
  },
  {
    id: 's004',
    file: '004_5e29adcfeed8e22f.txt',
    articles: [
      {
        id: 's004-a01',
        startLine: 1,
        headline: 'Gunfire Around Karabakh Persists Between Armenian, Azerbaijani Forces',
        outlet: "Barron's",
        via: 'AFP',
        date: '2023-10-02',
        datePrecision: 'day',
        url: null,
      },
      {
        id: 's004-a02',
        startLine: 73,
        headline: 'Nagorno-Karabakh enclave emptied after entire ethnic Armenian population flees',
        outlet: 'ABC News',
        date: '2023-10-02',
        datePrecision: 'day',
        url: null,
        author: 'Patrick Reevell',
      },
      {
        id: 's004-a03',
        startLine: 126,
        headline: 'Francois Hollande: Abandoning Armenia would be disgrace for France, shame for Europe',
        outlet: 'new.am',
        date: '2023-10-02',
        datePrecision: 'day',
        url: null,
      },
      {
        id: 's004-a04',
        startLine: 146,
        headline: 'UN Karabakh mission told ‘sudden’ exodus means as few as 50 ethnic Armenians may remain',
        outlet: 'UN News',
        date: '2023-10-02',
        datePrecision: 'day',
        url: null,
      },
      {
        id: 's004-a05',
        startLine: 205,
        headline: 'Armenia and Israel, the Middle East’s last Judeo-Christian nations',
        outlet: 'Washington Times',
        date: '2023-10-02',
        datePrecision: 'day',
        url: 'https://www.washingtontimes.com/news/2023/oct/2/armenia-and-israel-middle-easts-last-judeo-christi/',
        author: 'Sam Brownback',
        note: 'Opinion column.',
      },
      {
        id: 's004-a06',
        startLine: 246,
        headline: 'Gunfire in Nagorno-Karabahk persists between Armenian, Azerbaijani forces',
        outlet: 'France 24',
        via: 'AFP',
        date: '2023-10-02',
        datePrecision: 'day',
        url: 'https://www.france24.com/en/asia-pacific/20231002-azerbaijan-cross-border-fire-kills-one-injures-two-armenia-says',
        note: "The same AFP report as s004-a01 (Barron's).",
      },
      {
        id: 's004-a07',
        startLine: 315,
        headline: 'Last bus leaves Nagorno-Karabakh, deadly clashes continue',
        outlet: 'DW',
        via: 'AP, AFP, Reuters',
        date: '2023-10-02',
        datePrecision: 'day',
        url: 'https://www.dw.com/en/last-bus-leaves-nagorno-karabakh-deadly-clashes-continue/a-66984970',
      },
      {
        id: 's004-a08',
        startLine: 352,
        headline: 'Armenian Refugees Say No Hope of Return to Nagorno-Karabakh',
        outlet: 'Voice of America',
        date: '2023-10-02',
        datePrecision: 'day',
        url: 'https://www.voanews.com/a/armenian-refugees-say-no-hope-of-return-to-nagorno-karabakh/7293658.html',
        author: 'Heather Murdock',
        note: 'Video report; the document holds only its summary.',
      },
      {
        id: 's004-a09',
        startLine: 363,
        headline: 'Israel among Armenia’s geopolitical concerns after Nagorno-Karabakh collapse',
        outlet: 'The Times of Israel',
        via: 'AFP',
        date: '2023-10-02',
        datePrecision: 'day',
        url: 'https://www.timesofisrael.com/israel-among-armenias-geopolitical-concerns-after-nagorno-karabakh-collapse/',
      },
      {
        id: 's004-a10',
        startLine: 426,
        headline: 'Baku has won, Armenians are leaving NK: Opinions of all sides of the conflict',
        outlet: 'JAMnews',
        date: '2023-10-02',
        datePrecision: 'day',
        url: null,
        author: 'Armine Martirosyan, Artur Khachatryan (Yerevan); Huseyn Ismailbeyli',
      },
    ],
  },
];
