import { formatDate, startKey } from '../data/dates';
import { t } from '../utils/shared/i18n';

/** Whether an article dated `articleDate` is later than what a pack knows (asOf). */
export function isAfterKnowledge(articleDate: string | undefined, asOf: string | undefined): boolean {
  return !!articleDate && !!asOf && startKey(articleDate) > asOf;
}

/**
 * Said plainly when the article is newer than the dataset, so a reader never takes
 * silence for "nothing happened since".
 */
export function KnowledgeNote({ asOf }: { asOf: string }) {
  return (
    <p class="bs-knowledge-note" role="note">
      {t('knowledgeEnds', formatDate(asOf))}
    </p>
  );
}
