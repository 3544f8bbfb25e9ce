import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateIntakeLinkSchema } from '../../../src/contract/intake.js';
import { useCurrentUser } from '../auth/session.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CopyField } from '../components/copy-field.js';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { fromControl, numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api } from '../lib/api.js';
import { type IntakeLink, intakeApi, intakeKeys, type NewIntakeLink } from './intake-api.js';

const lifetimes = [7, 30, 90, 366] as const;
const shape = CreateIntakeLinkSchema.shape;
const NewLinkForm = z.object({
  clientId: fromControl(z.string().min(1)),
  label: shape.label,
  expiresInDays: numberOrNull(shape.expiresInDays.unwrap().nullable()),
});

/** /intake/links: the secret links a client's programs come in through (admins and the client's cadence owners). */
export function IntakeLinksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const links = useQuery({ queryKey: intakeKeys.links, queryFn: ({ signal }) => intakeApi.listLinks(signal) });
  const clients = useQuery({ queryKey: ['clients'], queryFn: ({ signal }) => api.listClients(signal) });
  const managed = (clients.data?.items ?? []).filter(
    (c) => c.archivedAt === null && (me.isAdmin || me.memberships.some((m) => m.role === 'cadence_owner' && m.clientId === c.id)),
  );
  const [made, setMade] = useState<NewIntakeLink | null>(null);
  const [revoking, setRevoking] = useState<IntakeLink | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: intakeKeys.links });

  const form = useFormMutation({
    schema: NewLinkForm,
    defaultValues: { clientId: '', label: '', expiresInDays: '' },
    required: { clientId: t('intake.links.required.client'), label: t('intake.links.required.label') },
    send: (v) =>
      intakeApi.createLink(v.clientId, { label: v.label, ...(v.expiresInDays === null ? {} : { expiresInDays: v.expiresInDays }) }),
    onSaved: async (created) => {
      form.methods.reset({ clientId: form.methods.getValues('clientId'), label: '', expiresInDays: '' });
      setMade(created);
      await refresh();
    },
  });

  return (
    <>
      <PageTitle page={t('intake.links.title')} />
      <h1>{t('intake.links.title')}</h1>
      <p>{t('intake.links.intro')}</p>
      {made && <NewLinkNotice made={made} onDismiss={() => setMade(null)} />}
      <h2>{t('intake.links.createHeading')}</h2>
      <MutationForm form={form} className="panel" problemTitle={t('intake.links.problemTitle')} submitLabel={t('intake.links.create')}>
        <div className="form__pair">
          <SelectField name="clientId" label={t('intake.client')} isRequired>
            <option value="">{t('intake.links.chooseClient')}</option>
            {managed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField name="label" label={t('intake.links.label')} hint={t('intake.links.labelHint')} isRequired />
        </div>
        <SelectField name="expiresInDays" label={t('intake.links.expiresIn')}>
          <option value="">{t('intake.links.untilRevoked')}</option>
          {lifetimes.map((d) => (
            <option key={d} value={String(d)}>
              {t('tokens.days', { count: d })}
            </option>
          ))}
        </SelectField>
      </MutationForm>
      <h2>{t('intake.links.listHeading')}</h2>
      {links.error ? (
        <LoadError title={t('intake.links.loadFailed')} error={links.error} onRetry={() => void links.refetch()} />
      ) : (
        <LinkTable links={links.data?.items} onRevoke={setRevoking} />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('intake.links.revokeTitle', { label: revoking.label })}
          confirmLabel={t('intake.links.revoke')}
          onConfirm={async () => {
            await intakeApi.revokeLink(revoking.id);
            setRevoking(null);
            await refresh();
          }}
          onClose={() => setRevoking(null)}
        >
          <p>{t('intake.links.revokeBody', { client: revoking.clientName })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The new link's address, shown this once, with a copy button. */
function NewLinkNotice({ made, onDismiss }: { made: NewIntakeLink; onDismiss: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  const url = made.url ?? `${window.location.origin}/intake/${made.token}`;
  return (
    <section ref={ref} className="notice notice--warning" tabIndex={-1} aria-labelledby={titleId}>
      <p className="notice__title" id={titleId}>
        {t('intake.links.createdTitle', { label: made.link.label, client: made.link.clientName })}
      </p>
      <p>{t('intake.links.createdWarning')}</p>
      <CopyField label={t('intake.links.urlLabel')} value={url} copyLabel={t('intake.links.copy')} />
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t('intake.links.dismiss')}
      </button>
    </section>
  );
}

function LinkTable({ links, onRevoke }: { links: readonly IntakeLink[] | undefined; onRevoke: (l: IntakeLink) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards" aria-busy={links === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('intake.links.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('intake.links.col.label')}</th>
            <th scope="col">{t('intake.links.col.client')}</th>
            <th scope="col">{t('intake.links.col.state')}</th>
            <th scope="col">{t('intake.links.col.submissions')}</th>
            <th scope="col">{t('intake.links.col.made')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('intake.links.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links === undefined ? (
            <SkeletonRows rows={2} columns={6} />
          ) : links.length === 0 ? (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('intake.links.empty')}
              </td>
            </tr>
          ) : (
            links.map((l) => (
              <tr key={l.id}>
                <th scope="row" className="cell-name">
                  {l.label}
                </th>
                <td data-label={t('intake.links.col.client')}>{l.clientName}</td>
                <td data-label={t('intake.links.col.state')}>
                  {t(`intake.links.state.${l.state}`)}
                  {l.state === 'open' && l.expiresAt && (
                    <>
                      {' '}
                      {t('intake.links.until')} <InstantText value={l.expiresAt} />
                    </>
                  )}
                </td>
                <td data-label={t('intake.links.col.submissions')}>{l.submissions}</td>
                <td data-label={t('intake.links.col.made')}>
                  {l.createdByName}, <InstantText value={l.createdAt} />
                </td>
                <td>
                  {l.state === 'open' && (
                    <button type="button" className="button button--small button--secondary" onClick={() => onRevoke(l)}>
                      {t('intake.links.revokeNamed', { label: l.label })}
                    </button>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
