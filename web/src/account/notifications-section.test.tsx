// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationSettings } from '../../../src/contract/notification-settings.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import { NotificationsSection } from './notifications-section.js';

const settings = (isMailOn: boolean, over: Record<string, string> = {}): NotificationSettings => ({
  isMailOn,
  settings: (
    ['gate_status_changed', 'evidence_awaits_review', 'evidence_rejected', 'gate_at_risk', 'intake_submitted', 'action_assigned'] as const
  ).map((kind) => ({ kind, name: kind, mode: (over[kind] ?? 'immediate') as 'immediate', defaultMode: 'immediate' as const })),
});

const textOf = (c: HTMLElement) => c.textContent ?? '';

describe('NotificationsSection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows each kind with its mode and says when the server sends no e-mail', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(200, settings(false, { gate_at_risk: 'digest' }))),
    );
    const view = renderInDom(<NotificationsSection />);
    await view.until(() => textOf(view.container).includes('Your gates at risk'));
    expect(textOf(view.container)).toContain('This server sends no e-mail yet');
    const atRisk = view.container.querySelector('select[name="gate_at_risk"]') as HTMLSelectElement;
    expect(atRisk.value).toBe('digest');
    expect([...atRisk.options].map((o) => o.textContent)).toEqual(['E-mail at once', 'Daily digest', 'No e-mail']);
  });

  it('saves the modes chosen through PATCH /me/notification-settings and says so', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      init.method === 'PATCH' ? answer(200, settings(true, JSON.parse(String(init.body)))) : answer(200, settings(true)),
    );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<NotificationsSection />);
    await view.until(() => textOf(view.container).includes('Actions given to you'));
    expect(textOf(view.container)).not.toContain('This server sends no e-mail');
    await view.fill('Actions given to you', 'off');
    await view.click('Save');
    await view.until(() => textOf(view.container).includes('Saved.'));
    const patch = fetch.mock.calls.find(([, init]) => (init as RequestInit).method === 'PATCH');
    expect(patch?.[0]).toBe('/api/v1/me/notification-settings');
    expect(JSON.parse(String((patch?.[1] as RequestInit | undefined)?.body))).toMatchObject({
      action_assigned: 'off',
      gate_at_risk: 'immediate',
    });
  });
});
