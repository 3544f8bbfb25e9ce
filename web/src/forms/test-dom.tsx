import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { englishI18n } from '../i18n/test-render.js';

/**
 * For tests only (nothing the app imports), in a jsdom environment: renders a component with the
 * English catalogue (or the i18next given) and a fresh query client, and drives its controls as a person would.
 */
export function renderInDom(element: ReactElement, i18n: i18n = englishI18n()) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has <dialog> but not its modal methods.
  const dialog = HTMLDialogElement.prototype;
  dialog.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  dialog.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  const container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let root: Root | null = null;
  act(() => {
    root = createRoot(container);
    root.render(
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={i18n}>{element}</I18nextProvider>
      </QueryClientProvider>,
    );
  });

  const byLabel = <E extends HTMLElement = HTMLInputElement>(label: string): E => {
    const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
    const control = found?.htmlFor ? document.getElementById(found.htmlFor) : null;
    if (!control) throw new Error(`No control labelled "${label}".`);
    return control as E;
  };

  return {
    container,
    byLabel,
    /** The text of the element that describes a control as being in error, or null. */
    errorOf: (label: string): string | null => {
      const control = byLabel(label);
      const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
      const error = ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('field__error'));
      return control.getAttribute('aria-invalid') === 'true' ? (error?.textContent ?? '') : null;
    },
    /** Types into a text control, a date or a select, as the browser reports it to React. */
    fill: async (label: string, value: string) => {
      const control = byLabel<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(label);
      await act(async () => {
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value')?.set?.call(control, value);
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      });
    },
    /** Clicks a button by its words and lets every promise it started settle. */
    click: async (name: string) => {
      const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
      if (!button) throw new Error(`No button "${name}".`);
      await act(async () => {
        button.click();
        for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      });
    },
    /** Lets every promise already started settle, as after a click (a query answered, its re-render). */
    settle: async () => {
      await act(async () => {
        for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      });
    },
    /** Lets requests and re-renders run until `done()` holds (a preview fetched, a refetch answered); at most ~5 s. */
    until: async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) {
        await act(async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
        });
      }
    },
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** A fetch answering JSON, or a problem document when the status is not 2xx. */
export const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' },
  });
