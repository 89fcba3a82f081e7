import type { PopupState } from '../../components/PopupView';
import type { BackstoryDatabase } from '../../data/db';
import type { PageReport } from '../../utils/messaging';
import { isStaticSiteUrl, isWebUrl } from '../../utils/permissions';
import { siteOf } from '../../utils/restricted';

export interface PopupDeps {
  isRestricted: (url: string | undefined) => boolean;
  getReport: (tabId: number) => Promise<PageReport>;
  openDb: () => Promise<BackstoryDatabase>;
}

/** Asks the tab's content script for its report and resolves entity names from the store. */
export async function loadPopupState(
  tab: { id?: number; url?: string } | undefined,
  deps: PopupDeps,
): Promise<PopupState> {
  if (tab?.id === undefined) return { status: 'restricted' };
  // Without a URL (no permission to see it) the content script is still asked.
  if (tab.url && deps.isRestricted(tab.url)) return { status: 'restricted' };
  let report: PageReport;
  try {
    report = await deps.getReport(tab.id);
    if (!report) throw new Error('no report');
  } catch {
    const site = siteOf(tab.url);
    if (!site) return { status: 'not-running' };
    // Outside the manifest's sites the script runs only where the user turned it on.
    return { status: 'not-running', site, canEnable: isWebUrl(tab.url) && !isStaticSiteUrl(tab.url) };
  }
  const db = await deps.openDb();
  const sorted = [...report.mentions].sort((a, b) => b.count - a.count || a.order - b.order);
  const records = await Promise.all(sorted.map((m) => db.get('entities', m.entityId)));
  const top = sorted.flatMap((m, i) => {
    const e = records[i];
    return e ? [{ key: e.key, name: e.name, kind: e.kind, count: m.count }] : [];
  });
  return {
    status: 'running',
    site: report.site,
    active: report.active,
    highlightApi: report.highlightApi,
    mentionCount: report.mentions.reduce((n, m) => n + m.count, 0),
    publishedAt: report.publishedAt,
    top,
  };
}
