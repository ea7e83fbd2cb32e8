/**
 * Whose word a mark on the map rests on. Every effect, journey, encirclement and attack arrow names
 * the claims it depicts; it takes the weakest of their statuses (a disputed claim makes a disputed
 * mark) and is drawn and worded by it: "claimed by Armenia's defence ministry; denied by Azerbaijan".
 * Pure (docs/data-rules.md, rule S1).
 */
import { type ClaimStatus, STATUS_STRENGTH } from '../vocabulary/vocabulary';
import type { Claim, Claimant } from './dataset';

export interface MarkStatus {
  status: ClaimStatus;
  /** For the inspector and present mode: every claim behind the mark, in full. */
  wording: string;
  /** For a label on the map: the weakest claim, with short names. */
  short: string;
  claimIds: string[];
}

/** A claimant's name inside a sentence: "claimed by the Kremlin", not "by The Kremlin". */
const nameOf = (claimants: ReadonlyMap<string, Claimant>, id: string, short: boolean) => {
  const c = claimants.get(id);
  return (c ? (short ? c.short : c.name) : id).replace(/^The /, 'the ');
};

/** "claimed by X", "claimed by X; denied by Y", "confirmed by several sources", "unconfirmed report (X)". */
export function claimWording(claim: Claim, claimants: ReadonlyMap<string, Claimant>, short = false): string {
  const by = nameOf(claimants, claim.claimantId, short);
  switch (claim.status) {
    case 'confirmed':
      return 'confirmed by several sources';
    case 'unconfirmed':
      return `unconfirmed report (${by})`;
    case 'disputed': {
      const r = claim.response;
      const answer = r
        ? `; ${r.stance === 'denies' ? 'denied' : 'disputed'} by ${nameOf(claimants, r.claimantId, short)}`
        : '';
      return `claimed by ${by}${answer}`;
    }
    default:
      return `claimed by ${by}`;
  }
}

const rank = (s: ClaimStatus) => STATUS_STRENGTH.indexOf(s);

/** The status of a mark from the claims it depicts; a mark naming no known claim is unsourced, which the data checks forbid. */
export function markStatus(
  claimIds: readonly string[],
  claims: ReadonlyMap<string, Claim>,
  claimants: ReadonlyMap<string, Claimant>,
): MarkStatus {
  const found = claimIds.flatMap((id) => {
    const c = claims.get(id);
    return c ? [c] : [];
  });
  const weakest = [...found].sort((a, b) => rank(a.status) - rank(b.status))[0];
  if (!weakest) return { status: 'disputed', wording: 'no source', short: 'no source', claimIds: [...claimIds] };
  return {
    status: weakest.status,
    wording: found.map((c) => `${c.statement} (${claimWording(c, claimants)})`).join(' '),
    short: claimWording(weakest, claimants, true),
    claimIds: found.map((c) => c.id),
  };
}

/** The stronger of two marks' statuses, for two events marking one place the same way. */
export const strongerStatus = (a: ClaimStatus, b: ClaimStatus): ClaimStatus => (rank(a) >= rank(b) ? a : b);
