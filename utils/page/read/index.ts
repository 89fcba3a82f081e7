/**
 * The content script's read-only view of the page: text blocks, mention ranges and
 * hit-testing, publication date.
 */
export { iterateBlocks, type ChromeMode, type CollectOptions, type TextBlock } from './blocks';
export { findReadableRoot } from './readable-root';
export { collectBlocksIn } from './rescan';
export {
  applyDensity,
  caretAt,
  MentionIndex,
  rangeContainsPoint,
  toRange,
  type CaretPoint,
  type Density,
  type DensityInput,
  type Span,
} from './mentions';
export { detectPublicationDate, parseDay, type DateSource, type PublicationDate } from './article-date';
