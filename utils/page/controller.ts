/**
 * The content script's conductor: reads the settings from storage, scans the page (the
 * background matches its text, remote-matcher.ts), paints highlights, follows DOM changes and navigations, and answers the
 * popup and side panel. Everything it starts is tied to the WXT context, so an
 * extension update or reload tears it down cleanly.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { toBackground, toTab } from '../shared/messaging';
import type { PageReport } from '../shared/protocol';
import { isSiteDisabled, type PageSettings } from '../shared/setting-values';
import { Highlighter } from './highlighter';
import { IdlePacer } from './idle-pacer';
import { MutationBatcher } from './mutations';
import { NearViewport } from './near-viewport';
import { PageCard } from './page-card';
import { readPageData, watchPageData } from './page-storage';
import { remoteMatcher } from './remote-matcher';
import { detectPublicationDate, findReadableRoot, toRange } from './read';
import { defaultYield } from './slices';
import { PageScan, type Mention, type TextMatcher } from './scan';

type Settings = PageSettings;

/** Past this many ms, finding the readable root ends its task before the walk starts. */
const ROOT_YIELD_MS = 4;
/** Least ms between two reports to the background (badge, popup, panel) while a page keeps changing. */
const REPORT_GAP_MS = 1000;

export class ContentController {
  readonly highlighter: Highlighter;
  /** Which marks are near enough to the viewport to be registered. */
  private readonly near: NearViewport;
  /** The scan whose marks were painted last. */
  private painted: PageScan | undefined;
  scan: PageScan | undefined;
  private settings!: Settings;
  private generation = 0;
  private publishedAt: string | undefined;
  /** Whether the date was looked for on this page (it may have none). */
  private dateChecked = false;
  /** The readable root the date is looked for around, once a scan has chosen it. */
  private dateRoot: Element | undefined;
  private readonly reports: IdlePacer;
  private mutations: MutationBatcher | undefined;
  private cursor = -1;
  private lastReport = '';
  private card: PageCard | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document = document,
    private readonly win: Window = window,
    private readonly match: TextMatcher = remoteMatcher,
  ) {
    this.highlighter = new Highlighter(win);
    // A block came near or went away: the marks shown are registered again (those of a
    // first scan still running, painted before it ended, included).
    this.near = new NearViewport(win, () => this.paint(this.painted));
    this.reports = new IdlePacer(
      {
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        requestIdleCallback:
          typeof win.requestIdleCallback === 'function'
            ? (fn) => ctx.requestIdleCallback(fn, { timeout: 1000 })
            : undefined,
      },
      () => this.sendReport(),
      REPORT_GAP_MS,
    );
  }

  get site(): string {
    return this.win.location.hostname;
  }

  get active(): boolean {
    return this.settings.enabled && !isSiteDisabled(this.site, this.settings.disabledSites);
  }

  /** Wires listeners first (synchronously), then loads and scans. */
  async start(): Promise<void> {
    mark('backstory-start');
    const off = [
      toTab.onMessage('tabGetReport', () => this.report()),
      toTab.onMessage('tabRevealMention', ({ data }) => this.reveal(data.entityId)),
      toTab.onMessage('tabNextMention', () => {
        this.next();
      }),
      watchPageData(
        (patch) => this.applySettings(patch),
        () => void this.rescan(),
      ),
    ];
    this.ctx.onInvalidated(() => {
      off.forEach((fn) => fn());
      this.mutations?.stop();
      this.unpaint();
    });
    this.card = new PageCard(this.ctx, {
      doc: this.doc,
      win: this.win,
      site: () => this.site,
      scan: () => this.scan,
      articleDate: () => this.articleDate(),
      dwellMs: () => this.settings?.appearance.dwellMs ?? 400,
    });
    // A page restored from the back/forward cache: the background dropped its report when
    // the tab navigated away, so say it again.
    this.ctx.addEventListener(this.win, 'pageshow', (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      this.lastReport = '';
      this.reports.reset();
      this.scheduleReport();
    });
    this.ctx.addEventListener(this.win, 'wxt:locationchange', () => {
      // An SPA navigation swaps the article: start over once the new content settles.
      this.publishedAt = undefined;
      this.dateChecked = false;
      this.dateRoot = undefined;
      this.card?.reset();
      this.ctx.setTimeout(() => void this.rescan(), 300);
    });

    // One small storage read: the settings. The matcher stays in the background.
    const { settings } = await readPageData();
    // Each await is a point where an extension update or a second injection may have
    // invalidated this copy: then nothing more may start.
    if (this.ctx.isInvalid) return;
    this.settings = settings;
    await this.rescan();
    if (this.ctx.isInvalid) return;
    this.mutations = new MutationBatcher(this.ctx, this.doc, {
      onNodes: (nodes) => void this.onMutations(nodes),
      onOverflow: () => void this.rescan(),
      isOwnNode: (node) => isOwnUi(node),
    });
    this.mutations.start();
  }

  private applySettings(patch: Partial<Settings>): void {
    const before = this.settings;
    this.settings = { ...before, ...patch };
    if (patch.density && this.scan && patch.density !== before.density) {
      this.scan.setDensity(patch.density);
      this.paint();
      return;
    }
    if (patch.appearance) {
      this.paint();
      return;
    }
    void this.rescan();
  }

  /** Scans the whole page again; a newer call cancels an older one still running. */
  async rescan(): Promise<void> {
    if (this.ctx.isInvalid) return;
    const generation = ++this.generation;
    const t0 = performance.now();
    const root = findReadableRoot(this.doc);
    // A long search (a huge page) ends its task here; a quick one goes on to the walk's
    // first slice, so a short article costs one task fewer, and counts against that
    // slice's budget, so the task stays within one.
    const rootYielded = performance.now() - t0 > ROOT_YIELD_MS;
    if (rootYielded) await defaultYield();
    if (generation !== this.generation || this.ctx.isInvalid) return;
    if (!this.dateChecked) this.dateRoot = root;
    if (!this.active) {
      this.scan = undefined;
      this.unpaint();
      this.scheduleReport();
      return;
    }
    const scan = new PageScan(this.doc, this.match, this.settings.density);
    const slices: number[] = [];
    const tScan = performance.now();
    // On a first scan, paint what the reader sees as soon as the scan has passed it.
    const firstPaint = this.scan
      ? undefined
      : () => {
          if (generation === this.generation) this.paint(scan);
        };
    const done = await scan.full(
      {
        isCancelled: () => generation !== this.generation || this.ctx.isInvalid,
        onSlice: (ms) => slices.push(ms),
        ...(rootYielded ? {} : { startedAt: t0 }),
      },
      root,
      firstPaint,
    );
    if (!done) return;
    this.scan = scan;
    this.cursor = -1;
    const tPaint = performance.now();
    this.paint();
    const paintMs = performance.now() - tPaint;
    // For benchmarks and diagnostics: user-timing marks are visible from the page's world.
    mark('backstory-highlighted', {
      ...scan.stats,
      wallMs: performance.now() - tScan,
      busyMs: slices.reduce((a, b) => a + b, 0) + scan.stats.finishMs + paintMs,
      firstSliceMs: slices[0] ?? 0,
      longestSliceMs: Math.max(0, ...slices),
      slices: slices.length,
      paintMs,
    });
    // The date and the report are for the card, the popup and the panel, not for
    // painting: they wait until the page is idle.
    this.scheduleReport();
  }

  /** The page's publication date, read once per page when first needed (it may have none). */
  private articleDate(): string | undefined {
    if (!this.dateChecked && this.dateRoot) {
      this.dateChecked = true;
      this.publishedAt = detectPublicationDate(
        this.doc,
        this.win.location.href,
        undefined,
        this.dateRoot,
      )?.date;
    }
    return this.publishedAt;
  }

  private async onMutations(nodes: Node[]): Promise<void> {
    const scan = this.scan;
    if (!scan || !this.active) return;
    // Painted only if no rescan replaced the scan while the matcher answered.
    if ((await scan.update(nodes)) && scan === this.scan && !this.ctx.isInvalid) {
      // The page has just changed: new blocks are placed by the observer, not by a forced layout.
      this.paint(scan, false);
      this.scheduleReport();
    }
  }

  /**
   * Shows `scan`'s marked mentions (the current scan unless one still running is given):
   * those near the viewport (near-viewport.ts); the others as the reader scrolls to them.
   */
  private paint(scan = this.scan, measureNew = true): void {
    this.painted = scan;
    if (!scan || !this.active) {
      this.unpaint();
      return;
    }
    this.highlighter.show(
      this.near.filter(scan.marked, (m) => m.block.element, measureNew).map((m) => m.range!),
      this.settings.appearance,
    );
  }

  /** Takes every mark away, and stops following their blocks. */
  private unpaint(): void {
    this.near.stop();
    this.highlighter.clear();
  }

  report(): PageReport {
    const publishedAt = this.articleDate();
    return {
      mentions: this.scan?.summary() ?? [],
      ...(publishedAt ? { publishedAt } : {}),
      highlightApi: this.highlighter.supported,
      active: this.active,
      site: this.site,
    };
  }

  /**
   * Sends the report when the page is next idle (once for any number of calls until then),
   * at most once per REPORT_GAP_MS.
   */
  private scheduleReport(): void {
    if (!this.ctx.isInvalid) this.reports.request();
  }

  private sendReport(): void {
    if (this.ctx.isInvalid) return;
    const report = this.report();
    const serialized = JSON.stringify(report);
    if (serialized === this.lastReport) return;
    this.lastReport = serialized;
    void toBackground.sendMessage('contentReportPage', report).catch(() => undefined);
  }

  /** Scrolls to the next marked mention (of one entity, or any), and marks it as current. */
  reveal(entityId: string): boolean {
    const list = this.scan?.mentions ?? [];
    if (list.length === 0) return false;
    const candidates = list.filter((m) => !entityId || m.entityId === entityId);
    if (candidates.length === 0) return false;
    const current = this.highlighter.currentRange;
    const currentIndex = candidates.findIndex((m) => m.range === current);
    const target = candidates[(currentIndex + 1) % candidates.length]!;
    this.focusMention(target, true);
    return true;
  }

  /** The keyboard command: the next marked mention in document order, with its card and focus in it. */
  next(): Mention | undefined {
    const marked = this.scan?.marked ?? [];
    if (marked.length === 0) return undefined;
    this.cursor = (this.cursor + 1) % marked.length;
    const target = marked[this.cursor]!;
    // An instant scroll: the card closes when its mention is out of view.
    this.focusMention(target, false, true);
    this.card?.open(target, true);
    return target;
  }

  private focusMention(mention: Mention, flash: boolean, instant = false): void {
    // Unmarked mentions (density) have no range yet: the flash still covers the words.
    const range = mention.range ?? toRange(mention.block, mention, this.doc);
    mention.block.element.scrollIntoView({
      block: 'center',
      behavior:
        instant || this.win.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    this.highlighter.setCurrent(range);
    if (flash) this.ctx.setTimeout(() => this.highlighter.setCurrent(undefined), 1600);
  }
}

function mark(name: string, detail?: Record<string, unknown>): void {
  try {
    performance.mark(name, detail ? { detail } : undefined);
  } catch {
    // user timing unavailable: diagnostics only
  }
}

/** Backstory's own UI (the card host), never scanned and never a reason to rescan. */
export function isOwnUi(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('backstory-card, [data-backstory-ui]');
}
