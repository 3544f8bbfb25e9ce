import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { evidenceFileLimits, evidenceFileTypes } from '../../../src/domain/gates/evidence-file.js';
import { Field } from '../components/field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { FormRefusal, useFormMutation } from '../forms/use-form-mutation.js';
import { ApiError } from '../lib/api.js';
import { formatBytes } from './evidence-list.js';
import { type Evidence, type Gate, type GateItem, gatesApi, invalidateGates } from './gates-api.js';

export const evidenceKinds = ['file', 'link', 'note', 'event'] as const;
type Kind = (typeof evidenceKinds)[number];

/** The largest file accepted by default (TOLLGATE_EVIDENCE_MAX_BYTES); the server says so again if its limit is lower. */
export const maxEvidenceBytes = evidenceFileLimits.defaultMaxBytes;
/** The file picker offers the kinds the server keeps (it checks their content again). */
const accepted = evidenceFileTypes.flatMap((f) => f.extensions.map((x) => `.${x}`)).join(',');

const EvidenceForm = z.object({
  kind: z.enum(evidenceKinds),
  title: z.string().max(200),
  url: z.string().max(2000),
  note: z.string().max(4000),
  eventId: z.string().max(64),
});

interface Props {
  programId: string;
  gate: Gate;
  item: GateItem;
  onClose: () => void;
  onSaved: (e: Evidence) => void;
}

/** Attach evidence to an item: a file (a photo from a phone, a report), a link, or a note. */
export function EvidenceDialog({ programId, gate, item, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const form = useFormMutation({
    schema: EvidenceForm,
    defaultValues: { kind: 'file', title: '', url: '', note: '', eventId: '' },
    required: { url: t('gates.evidence.urlRequired'), note: t('gates.evidence.noteRequired'), eventId: t('gates.evidence.eventRequired') },
    messageFor: (e) =>
      e.code === 'EVIDENCE_TOO_LARGE'
        ? t('gates.evidence.tooLarge', { size: formatBytes(maxEvidenceBytes) })
        : e.code === 'EVIDENCE_TYPE_NOT_ALLOWED'
          ? t('gates.evidence.typeNotAllowed')
          : null,
    send: async (v) => {
      setFileError(undefined);
      if (v.kind === 'file') {
        if (!file) {
          setFileError(t('gates.evidence.fileRequired'));
          throw new FormRefusal(t('gates.evidence.fileRequired'));
        }
        if (file.size > maxEvidenceBytes) {
          const message = t('gates.evidence.tooLarge', { size: formatBytes(maxEvidenceBytes) });
          setFileError(message);
          throw new FormRefusal(message);
        }
        try {
          return await gatesApi.uploadEvidence(programId, gate.key, item.key, file, v.title);
        } catch (e) {
          if (e instanceof ApiError && (e.code === 'EVIDENCE_TOO_LARGE' || e.code === 'EVIDENCE_TYPE_NOT_ALLOWED'))
            setFileError(t(e.code === 'EVIDENCE_TOO_LARGE' ? 'gates.evidence.tooLargeShort' : 'gates.evidence.typeNotAllowed'));
          throw e;
        }
      }
      const title = v.title.trim() === '' ? undefined : v.title;
      if (v.kind === 'link') return gatesApi.addEvidence(programId, gate.key, item.key, { kind: 'link', title, url: v.url });
      if (v.kind === 'event')
        return gatesApi.addEvidence(programId, gate.key, item.key, { kind: 'event', title, eventId: v.eventId.trim() });
      return gatesApi.addEvidence(programId, gate.key, item.key, { kind: 'note', title, note: v.note });
    },
    onSaved,
    refresh: () => invalidateGates(client, programId),
  });
  const kind = useWatch({ control: form.methods.control, name: 'kind' }) as Kind;
  return (
    <FormDialog
      title={t('gates.evidence.title', { key: item.key, title: item.title })}
      form={form}
      onClose={onClose}
      submitLabel={t('gates.evidence.submit')}
    >
      <fieldset className="fieldset">
        <legend>{t('gates.evidence.kind')}</legend>
        <div className="segmented-radios">
          {evidenceKinds.map((k) => (
            <label key={k} className="radio">
              <input type="radio" value={k} {...form.methods.register('kind')} /> {t(`gates.evidence.kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'file' && (
        <Field id={fileId} name="file" label={t('gates.evidence.file')} hint={t('gates.evidence.fileHint')} error={fileError}>
          {(c) => (
            <input
              {...c}
              type="file"
              accept={accepted}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
              }}
            />
          )}
        </Field>
      )}
      <TextField
        name="title"
        label={t('gates.evidence.titleLabel')}
        hint={t(
          kind === 'file'
            ? 'gates.evidence.titleFileHint'
            : kind === 'link'
              ? 'gates.evidence.titleLinkHint'
              : kind === 'event'
                ? 'gates.evidence.titleEventHint'
                : 'gates.evidence.titleNoteHint',
        )}
      />
      {kind === 'link' && <TextField name="url" label={t('gates.evidence.url')} hint={t('gates.evidence.urlHint')} isRequired />}
      {kind === 'note' && <TextField name="note" label={t('gates.evidence.note')} rows={4} isRequired />}
      {kind === 'event' && <TextField name="eventId" label={t('gates.evidence.event')} hint={t('gates.evidence.eventHint')} isRequired />}
    </FormDialog>
  );
}
