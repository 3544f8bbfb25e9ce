import { Link } from 'react-router';
import { formatNumber } from '../lib/format.js';

interface Props {
  count: number;
  to: string;
  /** The link's full name, containing the number: "2 open decisions". */
  label: string;
  /** Id of the row's header, which names the program the count belongs to. */
  describedBy: string;
}

/** A count in a table cell that opens the list behind it; a non-zero count stands out. */
export function CountLink({ count, to, label, describedBy }: Props) {
  return (
    <Link to={to} aria-label={label} aria-describedby={describedBy} className={count > 0 ? 'count count--some' : 'count count--none'}>
      {formatNumber(count)}
    </Link>
  );
}
