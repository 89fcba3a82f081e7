import type { BackstoryDatabase } from '../../data/db';
import { exportPack } from '../../data/export';

/** Saves a pack as a JSON file through a temporary object URL (no downloads permission needed). */
export async function exportPackFile(db: BackstoryDatabase, packId: string): Promise<void> {
  const pack = await exportPack(db, packId);
  if (!pack) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 1)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${pack.id}-${pack.version}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
