import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../data/queries';
import { t } from '../utils/shared/i18n';
import { kindKey } from './EntityView';

export interface SearchViewProps {
  query: string;
  results: SearchResult[];
  onQuery: (query: string) => void;
  onSelectEntity: (key: string) => void;
}

/** Search as you type, with arrow-key navigation through the results. */
export function SearchView({ query, results, onQuery, onSelectEntity }: SearchViewProps) {
  const [selected, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // `autoFocus` only works for elements present when the document loads; the search view
  // is opened later (the Search tab, the context menu), so focus the box when it appears.
  useEffect(() => input.current?.focus(), []);
  // The results can shrink under the selection (a newer answer arrives): stay on a real one.
  const active = Math.max(0, Math.min(selected, results.length - 1));
  const onKeyDown = (e: KeyboardEvent) => {
    if (results.length === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(active + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      const chosen = results[active];
      if (chosen) onSelectEntity(chosen.key);
    }
  };
  const activeId = results[active] ? `bs-result-${active}` : undefined;
  return (
    <div class="bs-search">
      <input
        type="search"
        class="bs-search-input"
        role="combobox"
        list={undefined}
        aria-expanded={results.length > 0}
        aria-controls="bs-results"
        aria-activedescendant={activeId}
        aria-label={t('panelSearchLabel')}
        placeholder={t('panelSearchPlaceholder')}
        value={query}
        ref={input}
        onInput={(e) => {
          setActive(0);
          onQuery((e.currentTarget as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() !== '' && results.length === 0 && <p class="bs-empty">{t('panelNoResults', query)}</p>}
      <ul id="bs-results" role="listbox" class="bs-results" aria-label={t('panelSearch')}>
        {results.map((r, i) => (
          <li
            key={r.key}
            id={`bs-result-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'bs-result bs-active' : 'bs-result'}
            onClick={() => onSelectEntity(r.key)}
            onMouseEnter={() => setActive(i)}
          >
            <span class="bs-result-name">{r.name}</span>
            <span class="bs-kind">{t(kindKey(r.kind))}</span>
            {r.matched && r.matched !== r.name && <span class="bs-muted"> · {r.matched}</span>}
            <span class="bs-result-summary">{r.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
