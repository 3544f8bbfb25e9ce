import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Person } from '../lib/api.js';
import { type PersonAction, PersonRow } from './person-row.js';

interface Props {
  people: readonly Person[] | undefined;
  meId: string;
  onAction: (action: PersonAction) => void;
}

const statusOrder = { invited: 0, active: 1, removed: 2 } as const;
/** Invited people first (they wait for their link), then active, then removed; by name within. */
const byStatusAndName = (a: Person, b: Person) => statusOrder[a.status] - statusOrder[b.status] || a.name.localeCompare(b.name);

export function PeopleTable({ people, meId, onAction }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const sorted = people ? [...people].sort(byStatusAndName) : undefined;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--people" aria-busy={people === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('people.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('people.col.name')}</th>
            <th scope="col">{t('people.col.email')}</th>
            <th scope="col">{t('people.col.status')}</th>
            <th scope="col">{t('people.col.admin')}</th>
            <th scope="col">{t('people.col.roles')}</th>
            <th scope="col" className="col-actions">
              {t('people.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted === undefined ? (
            <SkeletonRows rows={6} columns={6} />
          ) : (
            sorted.map((p) => <PersonRow key={p.id} person={p} isMe={p.id === meId} onAction={onAction} />)
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
