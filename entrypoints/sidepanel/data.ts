import type { EntityViewData } from '../../components/EntityView';
import type { PageEntityGroup, PageState } from '../../components/PageEntities';
import type { BackstoryDatabase } from '../../data/db';
import { entitiesOfMentions, getTimeline, relatedEntities } from '../../data/queries';
import type { TopicRecord } from '../../data/records';
import { isAfterKnowledge } from '../../data/dates';
import type { PageReport } from '../../utils/shared/protocol';

/** Turns a tab's report into the "On this page" groups: by each entity's first topic, most mentioned first. */
export async function loadPageState(
  db: BackstoryDatabase,
  report: PageReport | undefined,
): Promise<PageState> {
  if (!report) return { status: 'not-running' };
  if (!report.active) return { status: 'off' };
  const entities = await entitiesOfMentions(db, report.mentions);
  const topicKeys = [...new Set(entities.flatMap((e) => (e.topics[0] ? [e.topics[0]] : [])))];
  const topics = await Promise.all(topicKeys.map((k) => db.get('topics', k)));
  const labels = new Map(topics.filter((t): t is TopicRecord => !!t).map((t) => [t.key, t.label]));
  const groups = new Map<string, PageEntityGroup>();
  for (const e of entities) {
    const topicKey = e.topics[0];
    if (!topicKey) continue;
    let group = groups.get(topicKey);
    if (!group) {
      group = { topicKey, label: labels.get(topicKey) ?? topicKey, entities: [] };
      groups.set(topicKey, group);
    }
    group.entities.push({ key: e.key, name: e.name, kind: e.kind, count: e.count });
  }
  const sorted = [...groups.values()];
  for (const g of sorted) g.entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  sorted.sort((a, b) => b.entities.length - a.entities.length || a.label.localeCompare(b.label));
  const asOf = (await db.getAll('packs'))
    .filter((p) => p.enabled)
    .map((p) => p.asOf)
    .sort()
    .at(-1);
  return {
    status: 'ok',
    groups: sorted,
    publishedAt: report.publishedAt,
    ...(isAfterKnowledge(report.publishedAt, asOf) ? { knowledgeEnds: asOf } : {}),
  };
}

/** Everything the entity page shows. */
export async function loadEntityView(
  db: BackstoryDatabase,
  key: string,
): Promise<EntityViewData | 'missing'> {
  const entity = await db.get('entities', key);
  if (!entity) return 'missing';
  const [timeline, related, topics, pack] = await Promise.all([
    getTimeline(db, key),
    relatedEntities(db, key),
    Promise.all(entity.topics.map((t) => db.get('topics', t))),
    db.get('packs', entity.packId),
  ]);
  return {
    entity,
    timeline,
    related,
    topics: topics.filter((t): t is TopicRecord => !!t),
    ...(pack ? { asOf: pack.asOf } : {}),
  };
}
