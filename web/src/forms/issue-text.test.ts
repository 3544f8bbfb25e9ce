import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateTokenSchema, InviteSchema } from '../../../src/contract/auth.js';
import { DateInputSchema, LongText, ShortText } from '../../../src/contract/common.js';
import { UpdateMilestoneSchema } from '../../../src/contract/milestone.js';
import { RaiseRiskSchema } from '../../../src/contract/risk.js';
import { englishI18n } from '../i18n/test-render.js';
import { type Issue, issueText } from './issue-text.js';

const { t } = englishI18n();

/** The words for the first issue the schema finds in the value, as the forms' resolver words it. */
function textFor(schema: z.ZodType, value: unknown, required?: string): string {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('The value was accepted.');
  return issueText(t, result.error.issues[0] as Issue, required);
}

describe('issueText', () => {
  it('says the contract’s length limit in the catalogue’s words, not zod’s', () => {
    expect(textFor(ShortText(200), 'x'.repeat(201))).toBe('At most 200 characters.');
    expect(textFor(LongText(2000), 'x'.repeat(2001))).toBe('At most 2000 characters.');
    expect(textFor(CreateTokenSchema.shape.name, 'x'.repeat(101))).toBe('At most 100 characters.');
  });

  it('asks for an empty required field with the form’s own words, or generic ones', () => {
    const statement = ShortText(500).min(1, 'Say what must be decided.');
    expect(textFor(statement, '   ', 'Say what must be decided.')).toBe('Say what must be decided.');
    expect(textFor(statement, '')).toBe('Fill in this field.');
    // A select left on "choose" ('' → null) is missing too, not "the wrong type".
    expect(textFor(RaiseRiskSchema.shape.likelihood, null, 'Choose how likely it is, from 1 to 5.')).toBe(
      'Choose how likely it is, from 1 to 5.',
    );
    expect(textFor(DateInputSchema, '', 'Enter the baseline date.')).toBe('Enter the baseline date.');
  });

  it('names the range of a number from the contract', () => {
    const tolerance = UpdateMilestoneSchema.shape.toleranceDays.unwrap().unwrap();
    expect(textFor(tolerance, 251)).toBe('At most 250.');
    expect(textFor(tolerance, -1)).toBe('At least 0.');
    expect(textFor(tolerance, 1.5)).toBe('Enter a whole number.');
    expect(textFor(tolerance, Number('ten'))).toBe('Enter a number.');
  });

  it('tells which of the contract’s own checks a text or date failed, though the contract words them in English', () => {
    expect(textFor(DateInputSchema, '2100-01-01')).toBe('Choose a date from 2000-01-01 to 2099-12-31.');
    expect(textFor(DateInputSchema, '2026-02-30')).toBe('Enter a real date.');
    expect(textFor(ShortText(200), 'two\nlines')).toBe('Keep this to one line: no line breaks, tabs or other control characters.');
    expect(textFor(LongText(2000), 'bell \u0007')).toBe('Remove the control characters from this text (line breaks and tabs are fine).');
    expect(textFor(ShortText(200), 'evil \u202e')).toBe('Remove the invisible text-direction characters from this text.');
    expect(textFor(ShortText(200), 'half \ud83d')).toBe('This text holds a broken character (half of an emoji or symbol): type it again.');
  });

  it('words formats and choices', () => {
    expect(textFor(InviteSchema.shape.email, 'not-an-email')).toBe('Enter an email address, like name@example.com.');
    expect(textFor(InviteSchema.shape.email, '', 'Enter their email address.')).toBe('Enter their email address.');
    expect(textFor(RaiseRiskSchema.shape.category, 'weather')).toBe('Choose one of the options.');
  });

  it('shows the catalogue words a form gave its own cross-field check', () => {
    const issue: Issue = {
      code: 'custom',
      path: ['to'],
      message: 'x',
      input: '2026-01-01',
      params: { text: 'The last day cannot be before the first day.' },
    };
    expect(issueText(t, issue)).toBe('The last day cannot be before the first day.');
  });

  it('never shows zod’s English message', () => {
    const issue = z.string().max(3).safeParse('long').error?.issues[0] as Issue;
    expect(issue.message).toMatch(/Too big/);
    expect(issueText(t, issue)).toBe('At most 3 characters.');
  });
});
