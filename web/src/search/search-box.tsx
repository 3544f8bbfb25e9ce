import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

/** Whether a key press happens while the person is typing somewhere (then `/` is just a character). */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The search box of the top bar: `/` focuses it from anywhere; Enter opens the results page. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(params.get('q') ?? '');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <search className="topbar__search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const words = q.trim();
          if (words) void navigate(`/search?q=${encodeURIComponent(words)}`);
        }}
      >
        <label htmlFor="site-search" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="site-search"
          ref={input}
          type="search"
          name="q"
          value={q}
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/"
          autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="topbar__button">
          {t('search.submit')}
        </button>
      </form>
    </search>
  );
}
