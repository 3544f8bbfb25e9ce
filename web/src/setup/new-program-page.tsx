import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { DateInputSchema } from '../../../src/contract/common.js';
import { CreateProgramSchema } from '../../../src/contract/setup.js';
import { useCurrentUser } from '../auth/session.js';
import { NotAvailablePage } from '../components/not-available-page.js';
import { PageTitle } from '../components/page-title.js';
import { DateField } from '../forms/date-field.js';
import { blankAsNull, fromControl } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { keepOpen, useFormMutation } from '../forms/use-form-mutation.js';
import { api } from '../lib/api.js';
import { formatTimeZone } from '../lib/format.js';
import { queryKeys, useClients, usePrograms } from '../lib/queries.js';
import { CopyOwnersFieldset } from './copy-owners-fieldset.js';
import { CopyPreviewTable } from './copy-preview-table.js';
import { mayCreatePrograms } from './may-create.js';
import { type CopyPreview, type CreateProgram, type Supplier, setupApi, setupKeys, useSuppliers, useTemplates } from './setup-api.js';
import { FactoryDialog, SupplierDialog } from './supplier-dialogs.js';
import { TimeZoneField } from './time-zone-field.js';

const shape = CreateProgramSchema.shape;
/** The request as the form holds it; "start from" a copy asks for its start date. */
export const NewProgramForm = z
  .object({
    code: shape.code,
    name: shape.name,
    product: shape.product.unwrap(),
    clientId: fromControl(shape.clientId),
    supplierId: z.string(),
    factoryId: fromControl(shape.factoryId),
    timeZone: fromControl(shape.timeZone.unwrap()),
    targetReleaseDate: blankAsNull(shape.targetReleaseDate.unwrap()),
    cadenceOwner: z.string(),
    decisionOwner: z.string(),
    templateId: z.string(),
    /** '' is the template's own level. */
    ppapLevel: z.string(),
    copyFrom: z.string(),
    startDate: z.string(),
    /** Per owner of the source plan (as the preview lists them): who owns their milestones, '' to leave them. */
    ownerMap: z.array(z.object({ sourceId: z.string(), to: z.string() })),
  })
  .superRefine((v, ctx) => {
    if (v.copyFrom === '') return;
    if (!DateInputSchema.safeParse(v.startDate).success) ctx.addIssue({ code: 'custom', input: v.startDate, path: ['startDate'] });
  });
type Values = z.output<typeof NewProgramForm>;

const ownersOf = (v: Values) => ({
  ...(v.cadenceOwner ? { cadence_owner: [v.cadenceOwner] } : {}),
  ...(v.decisionOwner ? { decision_owner: [v.decisionOwner] } : {}),
});

/** The program the values ask for. */
function requestOf(v: Values): CreateProgram {
  return {
    code: v.code,
    name: v.name,
    ...(v.product ? { product: v.product } : {}),
    clientId: v.clientId,
    factoryId: v.factoryId,
    timeZone: v.timeZone,
    ownerId: v.cadenceOwner || null,
    owners: ownersOf(v),
    targetReleaseDate: v.targetReleaseDate,
    ...(v.templateId ? { templateId: v.templateId } : {}),
    ...(v.templateId && v.ppapLevel ? { ppapLevel: Number(v.ppapLevel) as 1 | 2 | 3 | 4 | 5 } : {}),
    ...(v.copyFrom ? { copyFrom: { programId: v.copyFrom, startDate: v.startDate, owners: ownerMapOf(v) } } : {}),
  };
}

/** The owners as chosen, for copyFrom.owners: every source owner named, '' sent as null (left for assignment). */
const ownerMapOf = (v: Values): Record<string, string | null> => Object.fromEntries(v.ownerMap.map((r) => [r.sourceId, r.to || null]));

/** What a preview was made for: it stands only while these are unchanged. */
const previewKey = (v: Pick<Values, 'copyFrom' | 'startDate' | 'factoryId' | 'timeZone' | 'clientId' | 'cadenceOwner' | 'decisionOwner'>) =>
  JSON.stringify([v.copyFrom, v.startDate, v.factoryId, v.timeZone, v.clientId, v.cadenceOwner, v.decisionOwner]);

type Dialog = { kind: 'supplier' } | { kind: 'factory'; supplier: Supplier };

/** A new program, as a draft: empty, or as a copy of another's plan shown as a preview before it is created. */
export function NewProgramPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const cache = useQueryClient();
  const allowed = mayCreatePrograms(me);
  const clients = useClients(allowed);
  const suppliers = useSuppliers(allowed);
  const programs = usePrograms(allowed);
  const templates = useTemplates(allowed);
  const people = useQuery({ queryKey: queryKeys.people, queryFn: ({ signal }) => api.listPeople(signal), enabled: me.isAdmin });
  const [preview, setPreview] = useState<{ key: string; value: CopyPreview } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  /** A factory just added, chosen once its option is there. */
  const [chosenFactory, setChosenFactory] = useState<string | null>(null);

  const ownClients = new Set(me.memberships.filter((m) => m.role === 'cadence_owner').map((m) => m.clientId));
  const clientChoices = (clients.data?.items ?? []).filter((c) => c.archivedAt === null && (me.isAdmin || ownClients.has(c.id)));
  // The person first, from the start: their option is there before the list of people comes.
  const personChoices = [
    { id: me.id, name: me.name },
    ...(people.data?.items ?? []).filter((p) => p.status !== 'removed' && p.id !== me.id).sort((a, b) => a.name.localeCompare(b.name)),
  ];

  const form = useFormMutation({
    schema: NewProgramForm,
    defaultValues: {
      code: '',
      name: '',
      product: '',
      clientId: '',
      supplierId: '',
      factoryId: '',
      timeZone: '',
      targetReleaseDate: '',
      cadenceOwner: me.id,
      decisionOwner: '',
      templateId: 'default-4-gate',
      ppapLevel: '',
      copyFrom: '',
      startDate: '',
      ownerMap: [],
    },
    required: {
      code: t('setup.programs.required.code'),
      name: t('setup.programs.required.name'),
      clientId: t('setup.programs.required.client'),
      factoryId: t('setup.programs.required.factory'),
      timeZone: t('setup.timeZone.required'),
      startDate: t('setup.programs.required.startDate'),
    },
    fieldOf: (path) => {
      if (path === 'copyFrom.programId') return 'copyFrom';
      if (path === 'copyFrom.startDate') return 'startDate';
      // A source owner's choice: the select of that owner.
      const owner = /^copyFrom\.owners\.(.+)$/.exec(path)?.[1];
      const i = owner === undefined ? -1 : (preview?.value.owners.findIndex((o) => o.id === owner) ?? -1);
      return i >= 0 ? `ownerMap.${i}.to` : path;
    },
    send: async (v) => {
      if (v.copyFrom && preview?.key !== previewKey(v)) {
        const value = await setupApi.copyPreview(v.copyFrom, {
          startDate: v.startDate,
          factoryId: v.factoryId,
          timeZone: v.timeZone,
          clientId: v.clientId,
          owners: ownersOf(v),
        });
        setPreview({ key: previewKey(v), value });
        // Each source owner's milestones go where the preview says, until someone chooses otherwise.
        setValue(
          'ownerMap',
          value.owners.map((o) => ({ sourceId: o.id, to: o.mapsTo?.id ?? '' })),
        );
        return keepOpen;
      }
      return setupApi.createProgram(requestOf(v));
    },
    onSaved: async (p) => {
      await navigate(`/programs/${encodeURIComponent(p.code)}`, { state: { created: true } });
    },
    refresh: () => cache.invalidateQueries({ queryKey: queryKeys.programs }),
  });
  const { watch, setValue, getValues } = form.methods;

  const values = watch();
  const templateChoices = (templates.data?.items ?? []).filter((x) => !x.isArchived);
  const template = templateChoices.find((x) => x.id === values.templateId);
  const supplier = suppliers.data?.items.find((s) => s.id === values.supplierId);
  const factory = supplier?.factories.find((f) => f.id === values.factoryId);
  const factoryZone = factory?.timeZone;
  const factoryIds = supplier?.factories.map((f) => f.id).join(' ') ?? '';
  // Another supplier: the factory chosen is not among its own (unless it was just added to it).
  useEffect(() => {
    const ids = factoryIds.split(' ');
    if (chosenFactory && ids.includes(chosenFactory)) {
      setValue('factoryId', chosenFactory);
      setChosenFactory(null);
    } else if (!ids.includes(getValues('factoryId'))) setValue('factoryId', '');
  }, [factoryIds, chosenFactory, setValue, getValues]);
  // Another template: its own PPAP level until someone chooses another.
  useEffect(() => {
    if (values.templateId) setValue('ppapLevel', '');
  }, [values.templateId, setValue]);
  // A factory's zone is the program's unless someone chooses another.
  useEffect(() => {
    if (factoryZone) setValue('timeZone', factoryZone);
  }, [factoryZone, setValue]);
  const previewShown = preview && values.copyFrom !== '' && preview.key === previewKey(values) ? preview.value : null;
  const chosen = new Map(values.ownerMap.map((r) => [r.sourceId, r.to]));
  const ownerFor = (source: { id: string } | null, previewed: { id: string; name: string } | null) => {
    const to = source ? chosen.get(source.id) : undefined;
    if (to === undefined) return previewed;
    return to === '' ? null : (previewShown?.possibleOwners.find((p) => p.id === to) ?? previewed);
  };

  const afterSupplier = async (s: Supplier) => {
    await cache.invalidateQueries({ queryKey: setupKeys.suppliers });
    setValue('supplierId', s.id);
    setValue('factoryId', '');
    setDialog({ kind: 'factory', supplier: s });
  };

  // Only admins and a client's cadence owners create programs: others are told so, with nothing to retry.
  if (!allowed) return <NotAvailablePage why={t('setup.programs.notAllowed')} />;
  return (
    <>
      <PageTitle page={t('setup.programs.newTitle')} />
      <header className="page-head">
        <h1>{t('setup.programs.newTitle')}</h1>
        <p className="section__intro">{t('setup.programs.newIntro')}</p>
      </header>
      <MutationForm
        form={form}
        aria-label={t('setup.programs.newTitle')}
        className="form--page"
        submitLabel={values.copyFrom !== '' && !previewShown ? t('setup.programs.showPreview') : t('setup.programs.create')}
        pendingLabel={t('common.working')}
        onCancel={() => void navigate(-1)}
      >
        <div className="form__pair">
          <TextField name="code" label={t('setup.programs.code')} hint={t('setup.programs.codeHint')} isRequired />
          <TextField name="name" label={t('setup.programs.name')} isRequired />
        </div>
        <TextField name="product" label={t('setup.programs.product')} hint={t('setup.programs.productHint')} />
        <SelectField name="clientId" label={t('setup.programs.client')} isRequired>
          <option value="">{t('setup.programs.chooseClient')}</option>
          {clientChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {clients.data && clientChoices.length === 0 && (
          <p className="field__hint">{me.isAdmin ? t('setup.programs.noClientsAdmin') : t('setup.programs.noClients')}</p>
        )}
        <fieldset className="fieldset">
          <legend>{t('setup.programs.where')}</legend>
          <div className="form__pair">
            <SelectField name="supplierId" label={t('setup.programs.supplier')}>
              <option value="">{t('setup.programs.chooseSupplier')}</option>
              {suppliers.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <SelectField name="factoryId" label={t('setup.programs.factory')} isRequired>
              <option value="">{supplier ? t('setup.programs.chooseFactory') : t('setup.programs.chooseSupplierFirst')}</option>
              {supplier?.factories.map((f) => (
                <option key={f.id} value={f.id}>
                  {t('setup.programs.factoryOption', { name: f.name, city: f.city, country: f.country })}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="row-actions">
            <button type="button" className="button button--small button--secondary" onClick={() => setDialog({ kind: 'supplier' })}>
              {t('setup.suppliers.addInline')}
            </button>
            {supplier && (
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setDialog({ kind: 'factory', supplier })}
              >
                {t('setup.factories.addInline', { supplier: supplier.name })}
              </button>
            )}
          </div>
          <TimeZoneField
            hint={
              factoryZone ? t('setup.programs.timeZoneHint', { zone: formatTimeZone(factoryZone) }) : t('setup.programs.timeZoneNoFactory')
            }
          />
        </fieldset>
        <DateField name="targetReleaseDate" label={t('setup.programs.targetRelease')} hint={t('setup.programs.targetReleaseHint')} />
        <fieldset className="fieldset">
          <legend>{t('setup.programs.owners')}</legend>
          <div className="form__pair">
            <SelectField name="cadenceOwner" label={t('setup.programs.cadenceOwner')} hint={t('setup.programs.cadenceOwnerHint')}>
              <option value="">{t('setup.programs.noOne')}</option>
              {personChoices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === me.id ? t('setup.programs.you', { name: p.name }) : p.name}
                </option>
              ))}
            </SelectField>
            <SelectField name="decisionOwner" label={t('setup.programs.decisionOwner')} hint={t('setup.programs.decisionOwnerHint')}>
              <option value="">{t('setup.programs.noOne')}</option>
              {personChoices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === me.id ? t('setup.programs.you', { name: p.name }) : p.name}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('setup.programs.startFrom')}</legend>
          <div className="form__pair">
            <SelectField name="templateId" label={t('setup.programs.template')} hint={t('setup.programs.templateHint')}>
              {templateChoices.length === 0 && <option value="default-4-gate">{t('setup.programs.defaultTemplate')}</option>}
              {templateChoices.map((x) => (
                <option key={x.id} value={x.id}>
                  {t(x.source === 'shipped' ? 'setup.programs.templateShipped' : 'setup.programs.templateWorkspace', {
                    name: x.name,
                    version: x.version,
                  })}
                </option>
              ))}
            </SelectField>
            {template?.ppapLevel != null && (
              <SelectField name="ppapLevel" label={t('intake.ppapLevel')} hint={t('intake.ppapLevelHint', { level: template.ppapLevel })}>
                <option value="">{t('intake.ppapDefault', { level: template.ppapLevel })}</option>
                {[1, 2, 3, 4, 5].map((l) => (
                  <option key={l} value={String(l)}>
                    {t('intake.ppapOption', { level: l })}
                  </option>
                ))}
              </SelectField>
            )}
          </div>
          <div className="form__pair">
            <SelectField name="copyFrom" label={t('setup.programs.plan')} hint={t('setup.programs.planHint')}>
              <option value="">{t('setup.programs.emptyPlan')}</option>
              {[...(programs.data?.items ?? [])]
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((p) => (
                  <option key={p.id} value={p.code}>
                    {t('setup.programs.copyOf', { code: p.code, name: p.name, count: p.milestoneCount })}
                  </option>
                ))}
            </SelectField>
            {values.copyFrom !== '' && (
              <DateField name="startDate" label={t('setup.programs.startDate')} hint={t('setup.programs.startDateHint')} />
            )}
          </div>
        </fieldset>
        {previewShown && <CopyOwnersFieldset preview={previewShown} />}
        {previewShown && <CopyPreviewTable preview={previewShown} ownerFor={ownerFor} />}
      </MutationForm>
      {dialog?.kind === 'supplier' && <SupplierDialog onClose={() => setDialog(null)} onSaved={afterSupplier} />}
      {dialog?.kind === 'factory' && (
        <FactoryDialog
          supplier={dialog.supplier}
          onClose={() => setDialog(null)}
          onSaved={async (f) => {
            await cache.invalidateQueries({ queryKey: setupKeys.suppliers });
            setValue('supplierId', f.supplierId);
            setChosenFactory(f.id);
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
