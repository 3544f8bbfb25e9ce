import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadError } from '../components/load-error.js';
import { type ApiToken, api, type CreatedToken } from '../lib/api.js';
import { queryKeys, useTokens } from '../lib/queries.js';
import { CreateTokenForm } from './create-token-form.js';
import { NewTokenNotice } from './new-token-notice.js';
import { TokenTable } from './token-table.js';

/** Personal API tokens for scripts and the command line: list, create (shown once), revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.tokens });

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tokens.heading')}</h2>
      <p className="section__intro">{t('tokens.intro')}</p>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {created && <NewTokenNotice created={created} onDismiss={() => setCreated(null)} />}
      <CreateTokenForm
        onCreated={async (c) => {
          setAnnouncement('');
          setCreated(c);
          await refresh();
        }}
      />
      {tokens.error ? (
        <LoadError title={t('tokens.loadFailed')} error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <TokenTable tokens={tokens.data?.items} onRevoke={setRevoking} />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          confirmLabel={t('tokens.revokeConfirm')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.revokeToken(revoking.id);
            await refresh();
            if (created?.item.id === revoking.id) setCreated(null);
            setAnnouncement(t('tokens.revoked', { name: revoking.name }));
            setRevoking(null);
          }}
        >
          <p>{t('tokens.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
