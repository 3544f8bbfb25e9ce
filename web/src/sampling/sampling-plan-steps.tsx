import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SamplingStepJson } from '../../../src/contract/sampling.js';
import { formatNumber } from '../lib/format.js';

/** A step's values as words go: counts with the reader's digit grouping, letters, levels and AQLs as the table writes them. */
const shown = (values: SamplingStepJson['values']): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : v]));

/** One step in the catalogue's words, from its rule and values (the API's English text is for the CLI and scripts). */
export function useSamplingStepText(): (step: SamplingStepJson) => string {
  const { t } = useTranslation();
  return (step) => {
    const v = shown(step.values);
    const at = (key: string) => v[key] ?? '';
    const plan = {
      letter: at('letter'),
      aql: at('aql'),
      sampleSize: at('sampleSize'),
      acceptNumber: at('acceptNumber'),
      rejectNumber: at('rejectNumber'),
    };
    switch (step.rule) {
      case 'code-letter': {
        const values = { lotSize: at('lotSize'), level: at('level'), codeLetter: at('codeLetter'), lotFrom: at('lotFrom') };
        return step.values.lotTo === 'over'
          ? t('sampling.step.codeLetterOver', values)
          : t('sampling.step.codeLetter', { ...values, lotTo: at('lotTo') });
      }
      case 'plan':
        return t('sampling.step.plan', plan);
      case 'arrow-down':
        return t('sampling.step.arrowDown', { ...plan, from: at('from') });
      case 'arrow-up':
        return t('sampling.step.arrowUp', { ...plan, from: at('from') });
      case 'hundred-percent':
        return t('sampling.step.hundredPercent', { sampleSize: at('sampleSize'), lotSize: at('lotSize') });
      case 'verdict': {
        const values = { ...plan, defectsFound: at('defectsFound'), count: Number(step.values.defectsFound) };
        return step.values.verdict === 'accept' ? t('sampling.step.accept', values) : t('sampling.step.reject', values);
      }
    }
  };
}

/**
 * How an ISO 2859-1 sampling plan was found, step by step: Table I's code letter, the plan of Table II-A or the
 * arrow followed to it, 100 % inspection, the verdict. Shown by the calculator and wherever an inspection's plan is.
 */
export function SamplingPlanSteps({
  steps,
  headingLevel = 2,
  title,
  children,
}: {
  steps: readonly SamplingStepJson[];
  headingLevel?: 2 | 3 | 4;
  /** The heading, where "How it was found" is already said around it (an inspection's defect class). */
  title?: string;
  /** Said after the steps. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const textOf = useSamplingStepText();
  const Heading = `h${headingLevel}` as const;
  const heading = title ?? t('sampling.stepsTitle');
  return (
    <section className="sampling-steps" aria-label={heading}>
      <Heading>{heading}</Heading>
      <ol>
        {steps.map((s, i) => (
          // Steps never reorder: the position is the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: a plan's steps are a fixed sequence
          <li key={i} data-rule={s.rule}>
            {textOf(s)}
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
