import type { MoreItems } from '../lib/paged.js';

interface Props {
  more: MoreItems;
  /** What the button fetches, e.g. "Show more decisions". */
  label: string;
  /** What it says while the page loads. */
  loadingLabel: string;
}

/** After a paged list's rows: fetches its next page, which shows below the rows already there. */
export function MoreButton({ more, label, loadingLabel }: Props) {
  if (!more) return null;
  return (
    <div className="more">
      <button type="button" className="button button--secondary" onClick={more.load} disabled={more.loading} aria-busy={more.loading}>
        {more.loading ? loadingLabel : label}
      </button>
    </div>
  );
}
