import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NotificationSettings, UpdateNotificationSettingsSchema } from '../../../src/contract/notification-settings.js';
import { notificationModes } from '../../../src/domain/notification-settings.js';
import { LoadError } from '../components/load-error.js';
import { MutationForm } from '../forms/mutation-form.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { callOperation } from '../lib/http.js';

const settingsKey = ['notification-settings'] as const;

/** How you are e-mailed of each kind of notice: at once, in a daily digest at 08:00 your time, or not at all. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const settings = useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => callOperation('getNotificationSettings', {}, signal) });
  return (
    <section className="section" aria-labelledby={headingId} id="notifications">
      <div className="section__head">
        <h2 id={headingId}>{t('account.notifications.heading')}</h2>
      </div>
      <p className="section__intro">{t('account.notifications.intro')}</p>
      {settings.error ? (
        <LoadError title={t('account.notifications.loadFailed')} error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <>
          {!settings.data.isMailOn && <p className="notice">{t('account.notifications.mailOff')}</p>}
          <SettingsForm settings={settings.data} />
        </>
      ) : null}
    </section>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const form = useFormMutation({
    schema: UpdateNotificationSettingsSchema,
    defaultValues: Object.fromEntries(settings.settings.map((s) => [s.kind, s.mode])),
    send: (body) => {
      setAnnouncement('');
      return callOperation('updateNotificationSettings', { body });
    },
    onSaved: (saved) => {
      cache.setQueryData(settingsKey, saved);
      setAnnouncement(t('account.notifications.saved'));
    },
  });
  return (
    <MutationForm form={form} aria-label={t('account.notifications.heading')}>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {settings.settings.map((s) => (
        <SelectField key={s.kind} name={s.kind} label={t(`account.notifications.kind.${s.kind}`)}>
          <ChoiceOptions choices={notificationModes} labelOf={(m) => t(`account.notifications.mode.${m}`)} />
        </SelectField>
      ))}
    </MutationForm>
  );
}
