import type { PopupState } from '../../components/PopupView';
import type { BackstoryDatabase } from '../../data/db';
import { entitiesOfMentions } from '../../data/queries';
import type { PageReport } from '../../utils/shared/protocol';
import { isStaticSiteUrl, isWebUrl } from '../../utils/extension/permissions';
import { isRestrictedUrl, siteOf } from '../../utils/shared/restricted';

/**
 * What the popup shows for a tab, from the tab's report (kept by the background in
 * storage.session) and, only when the browser gave it (activeTab, on a toolbar click),
 * the tab's URL. Without a report Backstory is not running there; the URL, when known,
 * only refines that: a browser page, or a site the reader may turn it on for.
 */
export async function loadPopupState(
  tab: { id?: number; url?: string } | undefined,
  report: PageReport | undefined,
  db: BackstoryDatabase,
): Promise<PopupState> {
  if (tab?.id === undefined) return { status: 'restricted' };
  if (!report) {
    if (tab.url && isRestrictedUrl(tab.url)) return { status: 'restricted' };
    const site = siteOf(tab.url);
    if (!site) return { status: 'not-running' };
    // Outside the manifest's sites the script runs only where the user turned it on.
    return { status: 'not-running', site, canEnable: isWebUrl(tab.url) && !isStaticSiteUrl(tab.url) };
  }
  const entities = await entitiesOfMentions(db, report.mentions);
  const top = entities
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ key, name, kind, count }) => ({ key, name, kind, count }));
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
