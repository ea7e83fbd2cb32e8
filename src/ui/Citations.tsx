/**
 * A list of citations, each traced to its article and paragraph or to the fact sheet's public source.
 * Text only; a link is made only from an http(s) URL, opened without giving the page access back.
 */
import { useApp } from '../state/store';
import type { Citation } from '../timeline/dataset';

export const isWebUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);

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
        return (
          <li key={`${c.ref}:${c.url ?? ''}`}>
            <span className="cite-outlet">{c.ref}</span>
            {isWebUrl(c.url) && (
              <>
                {': '}
                <a href={c.url} target="_blank" rel="noopener noreferrer">
                  {new URL(c.url).hostname}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
