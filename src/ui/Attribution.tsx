import { ATTRIBUTION, ATTRIBUTION_SHORT } from '../text/attribution';

export function Attribution({ short = false, inline = false }: { short?: boolean; inline?: boolean }) {
  return (
    <p className={inline ? 'attribution inline' : 'attribution'} data-testid="attribution" title={ATTRIBUTION}>
      {short ? ATTRIBUTION_SHORT : ATTRIBUTION}
    </p>
  );
}
