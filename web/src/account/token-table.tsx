import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { ApiToken } from '../lib/api.js';
import { formatInstant } from '../lib/format.js';
import { isPast } from '../lib/instant.js';

interface Props {
  tokens: readonly ApiToken[] | undefined;
  onRevoke: (token: ApiToken) => void;
}

export function TokenTable({ tokens, onRevoke }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--tokens" aria-busy={tokens === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('tokens.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.col.name')}</th>
            <th scope="col">{t('tokens.col.prefix')}</th>
            <th scope="col">{t('tokens.col.created')}</th>
            <th scope="col">{t('tokens.col.expires')}</th>
            <th scope="col">{t('tokens.col.lastUsed')}</th>
            <th scope="col">{t('tokens.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens === undefined ? (
            <SkeletonRows rows={2} columns={6} />
          ) : tokens.length === 0 ? (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('tokens.empty')}
              </td>
            </tr>
          ) : (
            tokens.map((tk) => <TokenRow key={tk.id} token={tk} onRevoke={onRevoke} />)
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TokenRow({ token: tk, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const expired = tk.revokedAt === null && isPast(tk.expiresAt);
  return (
    <tr>
      <th scope="row" className="cell-name">
        {tk.name}
      </th>
      <td data-label={t('tokens.col.prefix')}>
        <code>{t('tokens.prefix', { prefix: tk.prefix })}</code>
      </td>
      <td data-label={t('tokens.col.created')}>
        <InstantText value={tk.createdAt} />
      </td>
      <td data-label={t('tokens.col.expires')}>
        <InstantText value={tk.expiresAt} />
      </td>
      <td data-label={t('tokens.col.lastUsed')}>
        {tk.lastUsedAt ? <InstantText value={tk.lastUsedAt} /> : <span className="muted">{t('tokens.neverUsed')}</span>}
      </td>
      <td data-label={t('tokens.col.status')}>
        {tk.revokedAt !== null ? (
          <span className="muted">{t('tokens.revokedAt', { date: formatInstant(tk.revokedAt) })}</span>
        ) : expired ? (
          <span className="muted">{t('tokens.expired')}</span>
        ) : (
          <span className="cell-action">
            <span>{t('tokens.active')}</span>{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={t('tokens.revokeLabel', { name: tk.name })}
              onClick={() => onRevoke(tk)}
            >
              {t('tokens.revoke')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}
