/**
 * Every event in a sortable table, with the same filters as the map, exportable as CSV (cells that a
 * spreadsheet would run as formulas are neutralised) or as JSON.
 */
import Papa from 'papaparse';
import { useMemo, useState } from 'react';
import { useApp } from '../state/store';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { formatIsoLocal } from '../time/iso';
import type { TimelineEvent } from '../timeline/dataset';
import { passesFilter } from '../timeline/filter';
import { citationText } from './Citations';
import { jumpToEvent, nameIn } from './Inspector';

type SortKey = 'date' | 'category' | 'title' | 'places' | 'sources' | 'disputed';

const disputed = (e: TimelineEvent) => e.claims.some((c) => c.status === 'disputed');

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function EventsTable({ onClose }: { onClose: () => void }) {
  const engine = useApp((s) => s.engine);
  const naming = useApp((s) => s.names);
  const categories = useApp((s) => s.categories);
  const sides = useApp((s) => s.sides);
  const outlets = useApp((s) => s.outlets);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'date', dir: 1 });

  const rows = useMemo(() => {
    if (!engine) return [];
    const filter = { categories, sides, outlets };
    const placeNames = (e: TimelineEvent) =>
      e.places.map((id) => nameIn(engine.data.places.get(id)?.names ?? { en: id }, naming)).join(', ');
    const list = engine.data.events
      .filter((e) => passesFilter(e, filter, engine.data))
      .map((e) => ({ e, places: placeNames(e), sources: e.citations.length, disputed: disputed(e) }));
    const value = (r: (typeof list)[number]): string | number =>
      sort.key === 'date'
        ? r.e.start
        : sort.key === 'category'
          ? r.e.category
          : sort.key === 'title'
            ? r.e.title
            : sort.key === 'places'
              ? r.places
              : sort.key === 'sources'
                ? r.sources
                : Number(r.disputed);
    return list.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (x < y ? -1 : x > y ? 1 : a.e.start - b.e.start) * sort.dir;
    });
  }, [engine, naming, categories, sides, outlets, sort]);

  const exportRows = () =>
    rows.map(({ e, places }) => ({
      id: e.id,
      start: formatIsoLocal(e.start),
      end: e.end === undefined ? '' : formatIsoLocal(e.end),
      timezone: 'UTC+4',
      precision: e.precision,
      category: e.category,
      title: e.title,
      places,
      summary: e.summary,
      disputed: disputed(e) ? 'yes' : 'no',
      citations: e.citations.map((c) => citationText(c)).join('; '),
    }));

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}>
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <div className="table-overlay" role="dialog" aria-modal="true" aria-label="All events" data-testid="events-table">
      <div className="table-head">
        <h2 className="table-title">All events ({rows.length})</h2>
        <button
          type="button"
          onClick={() =>
            download('karabakh-2023-events.csv', 'text/csv', Papa.unparse(exportRows(), { escapeFormulae: true }))
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            download('karabakh-2023-events.json', 'application/json', JSON.stringify(exportRows(), null, 2))
          }
        >
          Export JSON
        </button>
        <button type="button" onClick={onClose} aria-label="Close the table">
          Close
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {header('date', 'Date')}
              {header('category', 'Category')}
              {header('title', 'Event')}
              {header('places', 'Places')}
              {header('sources', 'Sources')}
              {header('disputed', 'Disputed')}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ e, places, sources, disputed: d }) => (
              <tr key={e.id}>
                <td>{eventDate(e)}</td>
                <td>{e.category}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      jumpToEvent(e);
                      onClose();
                    }}
                  >
                    {localize(e.title, engine?.data, naming)}
                  </button>
                </td>
                <td>{places}</td>
                <td>{sources}</td>
                <td>{d ? 'disputed' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
