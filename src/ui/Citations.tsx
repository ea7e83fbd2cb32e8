/**
 * A list of citations, each traced to its article and paragraph or to the fact sheet's public source.
 * Text only; a link is made only from an http(s) URL, opened without giving the page access back.
 */
import { useApp } from '../state/store';
import type { Citation } from '../timeline/dataset';

export const isWebUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);

/** A citation on one line of plain text, for tables and exports. */
export function citationText(c: Citation): string {
  if ('article' in c) return `${c.article} ¶${c.paragraph}`;
  if ('says' in c) return `${c.url} (“${c.says}”)`;
  return `${c.ref}${c.row ? `, row “${c.row}”` : ''} ${c.url ?? ''}`.trim();
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

export function CitationList({ citations }: { citations: readonly Citation[] }) {
  const articles = useApp((s) => s.engine?.data.articles);
  return (
    <ul className="citations">
      {citations.map((c) => {
        if ('article' in c) {
          const a = articles?.get(c.article);
          const outlet = a?.outlet ?? 'Outlet not named';
          const key = `${c.article}:${c.paragraph}`;
          return (
            <li key={key}>
              <span className="cite-outlet">{outlet}</span>
              {a?.via && <span className="cite-via"> (via {a.via})</span>}
              {a?.date && <span className="cite-date">, {a.date}</span>}
              {': '}
              {isWebUrl(a?.url) ? (
                <a href={a.url} target="_blank" rel="noopener noreferrer">
                  {a.headline}
                </a>
              ) : (
                <cite>{a?.headline ?? c.article}</cite>
              )}
              <span className="cite-para">, ¶{c.paragraph}</span>
            </li>
          );
        }
        if ('says' in c) {
          return (
            <li key={`${c.url}:${c.says}`}>
              {isWebUrl(c.url) ? (
                <a href={c.url} target="_blank" rel="noopener noreferrer" className="cite-outlet">
                  {hostOf(c.url)}
                </a>
              ) : (
                <span className="cite-outlet">{c.url}</span>
              )}
              {': '}
              <q>{c.says}</q>
            </li>
          );
        }
        return (
          <li key={`${c.ref}:${c.row ?? ''}:${c.url ?? ''}`}>
            <span className="cite-outlet">{c.ref}</span>
            {c.row && <span className="cite-para">, row “{c.row}”</span>}
            {isWebUrl(c.url) && (
              <>
                {': '}
                <a href={c.url} target="_blank" rel="noopener noreferrer">
                  {hostOf(c.url)}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
