// Words for the domain's codes (`cross_sell`, `accountTier`) where the plain rule of spaces
// and a capital does not read right.
const OVERRIDES: Readonly<Record<string, string>> = {
  cross_sell: 'Cross-sell',
  up_sell: 'Up-sell',
  new_logo: 'New logo',
  competition_champion: "Competitor's champion",
  out_of_business: 'Out of business',
  product_fit: 'Product fit',
  no_decision: 'No decision',
  trusted_advisor: 'Trusted advisor',
  stageIndex: 'Stage',
  accountTier: 'Account tier',
  sponsorRelationship: 'Sponsor relationship',
  sponsorRelationshipGap: 'Sponsor relationship',
  expansionKind: 'Kind',
  relationshipCoverage: 'Relationship coverage',
  satisfactionTrend: 'Satisfaction trend',
  executiveSponsor: 'Executive sponsor',
  competitorChampions: "Competitor's champions",
  revenueTrend: 'Revenue trend',
  overdueActions: 'Overdue actions',
  stalledOpportunities: 'Stalled opportunities',
};

/**
 * The words for one of the domain's codes, capitalised: a snake_case enum value
 * (`price_increase` is `Price increase`) or a camelCase scoring factor (`daysToClose` is
 * `Days to close`). `lower` gives them in lower case for use inside a sentence.
 */
export function humanLabel(code: string, lower = false): string {
  const key = lower ? `lower:${code}` : code;
  let label = labels.get(key);
  if (label === undefined) {
    label = wordsOf(code, lower);
    // Codes come from the domain's enums and rules: a few hundred at most, but a caller could
    // pass anything, so the memo stays bounded.
    if (labels.size < 2_000) labels.set(key, label);
  }
  return label;
}

// A pack words the same few codes for every account: each is worked out once.
const labels = new Map<string, string>();

function wordsOf(code: string, lower: boolean): string {
  const label =
    OVERRIDES[code] ??
    code
      .replace(/_/g, ' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .replace(/^./, (first) => first.toUpperCase());
  return lower ? label.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase()) : label;
}
