/** The counters as text on the page, each with its sources one click away. */
import { useScene } from '../state/scene-cache';
import { CitationList } from './Citations';

export function Counters({ large = false }: { large?: boolean }) {
  const scene = useScene();
  if (!scene || scene.counters.length === 0) return null;
  return (
    <section className={large ? 'counters large' : 'counters'} aria-label="Figures at this time" data-testid="counters">
      {scene.counters.map((c) => (
        <details key={c.id} className="counter" data-counter={c.id}>
          <summary>
            <span className="counter-label">{c.label}</span>
            {c.lines.length > 0 ? (
              <span className="counter-lines">
                {c.lines.map((l) => (
                  <span key={`${l.text}:${l.claimant}`} className="counter-line">
                    <strong>{l.text}</strong> <span className="claimant">{l.claimant}</span>
                  </span>
                ))}
              </span>
            ) : (
              <strong className="counter-value" data-testid={`counter-${c.id}`}>
                {c.display}
              </strong>
            )}
            <span className="sources-hint">sources</span>
          </summary>
          <p className="counter-note">{c.note}</p>
          <CitationList citations={c.lines.length > 0 ? c.lines.flatMap((l) => l.citations) : c.citations} />
        </details>
      ))}
    </section>
  );
}
