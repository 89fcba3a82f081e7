import { formatDate } from '../data/dates';
import { t } from '../utils/shared/i18n';

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
