import type { Source } from '../data/schema';

/** True only for absolute http(s) URLs: the one check every rendered link passes. */
export function isSafeHref(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A source's publisher, linking to it in a new tab; plain text if the URL is not http(s). */
export function SourceLink({ source }: { source: Source }) {
  if (!isSafeHref(source.url)) return <span class="bs-source">{source.publisher}</span>;
  return (
    <a class="bs-source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {source.publisher}
    </a>
  );
}
