import type { EntityRef } from '../data/queries';

/** A related or involved entity, as a button that opens it. */
export function EntityChip({ entity, onSelect }: { entity: EntityRef; onSelect?: (key: string) => void }) {
  if (!onSelect) return <span class="bs-chip">{entity.name}</span>;
  return (
    <button type="button" class="bs-chip" onClick={() => onSelect(entity.key)}>
      {entity.name}
    </button>
  );
}
