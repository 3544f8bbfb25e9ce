import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { UpdateProgramSchema } from '../../../src/contract/setup.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, fromControl } from '../forms/form-values.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateProgram, useClients } from '../lib/queries.js';
import { setupApi, type UpdateProgram, useSuppliers } from './setup-api.js';
import { TimeZoneField } from './time-zone-field.js';

interface Props {
  /** As the page's address names it: its cached answers sit under it. */
  programId: string;
  program: ProgramSummary;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (p: ProgramSummary) => void;
}

const shape = UpdateProgramSchema.shape;
export const EditProgramForm = z.object({
  name: shape.name.unwrap(),
  product: shape.product.unwrap(),
  ownerId: blankAsNull(shape.ownerId.unwrap()),
  code: shape.code.unwrap(),
  clientId: fromControl(shape.clientId.unwrap()),
  factoryId: z.string(),
  timeZone: fromControl(shape.timeZone.unwrap()),
});

/** Name, product and owner; while a draft, its code, client, factory and time zone too. */
export function EditProgramDialog({ programId, program: p, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const isDraft = p.status === 'draft';
  const clients = useClients(isDraft);
  const suppliers = useSuppliers();
  const form = useFormMutation({
    schema: EditProgramForm,
    defaultValues: {
      name: p.name,
      product: p.product,
      ownerId: p.owner?.id ?? '',
      code: p.code,
      clientId: p.client.id,
      factoryId: p.supplier.factoryId ?? '',
      timeZone: p.timeZone,
    },
    required: { name: t('setup.programs.required.name'), code: t('setup.programs.required.code') },
    send: (v) => setupApi.updateProgram(p.id, changesOf(p, v, isDraft)),
    isUnchanged: (v) => Object.keys(changesOf(p, v, isDraft)).length === 1,
    onSaved,
    refresh: () => invalidateProgram(cache, programId),
    subject: { key: p.code },
  });
  const owners = people.some((u) => u.id === p.owner?.id) || !p.owner ? people : [...people, { ...p.owner, email: '', roles: [] }];

  return (
    <FormDialog title={t('setup.programs.editTitle', { code: p.code })} form={form} onClose={onClose}>
      <TextField name="name" label={t('setup.programs.name')} isRequired />
      <TextField name="product" label={t('setup.programs.product')} />
      <SelectField name="ownerId" label={t('setup.programs.owner')} hint={t('setup.programs.ownerHint')}>
        <option value="">{t('setup.programs.noOne')}</option>
        {owners.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      {isDraft && !(clients.data && suppliers.data) ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : isDraft ? (
        <fieldset className="fieldset">
          <legend>{t('setup.programs.draftOnly')}</legend>
          <TextField name="code" label={t('setup.programs.code')} hint={t('setup.programs.codeHint')} isRequired />
          <SelectField name="clientId" label={t('setup.programs.client')}>
            {clients.data?.items
              .filter((c) => c.archivedAt === null || c.id === p.client.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </SelectField>
          <SelectField name="factoryId" label={t('setup.programs.factory')}>
            {!p.supplier.factoryId && <option value="">{t('setup.programs.chooseFactory')}</option>}
            {p.supplier.factoryId && !suppliers.data?.items.some((s) => s.factories.some((f) => f.id === p.supplier.factoryId)) && (
              // Its factory, archived since: still the one it is made at, no longer one to choose.
              <option value={p.supplier.factoryId}>
                {t('setup.programs.factoryArchived', { supplier: p.supplier.name, city: p.supplier.city, country: p.supplier.country })}
              </option>
            )}
            {suppliers.data?.items.map((s) => (
              <optgroup key={s.id} label={s.name}>
                {s.factories.map((f) => (
                  <option key={f.id} value={f.id}>
                    {t('setup.programs.factoryOption', { name: f.name, city: f.city, country: f.country })}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <TimeZoneField />
        </fieldset>
      ) : (
        <p className="field__hint">{t('setup.programs.activeFixed')}</p>
      )}
    </FormDialog>
  );
}

/** Only what changed, with the version read. */
function changesOf(p: ProgramSummary, v: z.output<typeof EditProgramForm>, isDraft: boolean): UpdateProgram {
  const body: UpdateProgram = { version: p.version };
  if (v.name !== p.name) body.name = v.name;
  if (v.product !== p.product) body.product = v.product;
  if (v.ownerId !== (p.owner?.id ?? null)) body.ownerId = v.ownerId;
  if (!isDraft) return body;
  if (v.code.toUpperCase() !== p.code) body.code = v.code;
  if (v.clientId !== p.client.id) body.clientId = v.clientId;
  if (v.factoryId !== '' && v.factoryId !== (p.supplier.factoryId ?? '')) body.factoryId = v.factoryId;
  if (v.timeZone !== p.timeZone) body.timeZone = v.timeZone;
  return body;
}
