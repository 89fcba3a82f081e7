/**
 * (De)serialisation of a compiled matcher to a compact string for `chrome.storage.local`
 * (which holds JSON only).
 */
import { corrupt, hydrate, type AliasVeto, type CompiledMatcher } from './tables';

// ---------------------------------------------------------------------------------------
// Serialisation: a one-line JSON header, a newline, then the typed arrays concatenated
// (4-byte aligned) into one blob in base64. The blob stays out of the JSON so that loading
// does not make JSON.parse scan a megabyte of base64. It uses the platform byte order: it
// is written and read by the same browser on the same device.

/** Bumped whenever the stored form changes; part of the background's matcher source hash. */
export const MATCHER_FORMAT_VERSION = 3;
const FORMAT_VERSION = MATCHER_FORMAT_VERSION;

interface SerializedHeader {
  v: number;
  /** Node count, label units, alias count, context-word count, context-id count. */
  n: number;
  l: number;
  a: number;
  w: number;
  c: number;
  /** Overflowing child counts and label lengths (see {@link packSmall}). */
  oc: number;
  ol: number;
  /** Bytes per label unit: 1 when every folded alias is Latin-1, the usual case. */
  cw: 1 | 2;
  entities: readonly string[];
  /** Case-sensitive aliases: their indices, and their normalised texts with capitals. */
  ci: number[];
  ct: string[];
  /** Aliases with veto words: their indices, and [after, before] word lists. */
  vi: number[];
  vw: [string[], string[]][];
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Byte size of each section, in blob order. */
function sectionSizes(h: SerializedHeader): number[] {
  const { n, l, a, w, c, oc, ol, cw } = h;
  return [
    pad4(cw * l), // labels
    pad4(n), // childCount
    4 * oc,
    pad4(n), // labelLength
    4 * ol,
    4 * a, // aliasNode
    4 * a, // aliasEntity
    pad4(a), // aliasCaseSensitive
    4 * (a + 1), // aliasContextStart
    4 * c, // aliasContextIds
    4 * w, // contextNode
  ];
}

/** One byte per value; 255 means "the next entry of the overflow list". */
function packSmall(values: Uint32Array): { bytes: Uint8Array; overflow: Uint32Array } {
  const bytes = new Uint8Array(values.length);
  const overflow: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v >= 255) {
      bytes[k] = 255;
      overflow.push(v);
    } else bytes[k] = v;
  }
  return { bytes, overflow: Uint32Array.from(overflow) };
}

function unpackSmall(bytes: Uint8Array, overflow: Uint32Array): Uint32Array {
  const values = new Uint32Array(bytes);
  if (overflow.length > 0) {
    let used = 0;
    for (let k = 0; k < values.length; k++) {
      if (values[k] === 255) {
        if (used >= overflow.length) corrupt('overflow list');
        values[k] = overflow[used++]!;
      }
    }
  }
  return values;
}

/**
 * Serialises a matcher to a compact string (a JSON header line and a base64 blob) for
 * `chrome.storage.local`. Inverse of {@link deserializeMatcher}.
 */
export function serializeMatcher(m: CompiledMatcher): string {
  const counts = packSmall(m.childCount);
  const lengths = packSmall(m.labelLength);
  const cw = m.labels.every((ch) => ch < 256) ? 1 : 2;
  const ci: number[] = [];
  const ct: string[] = [];
  m.aliasCased.forEach((text, index) => {
    if (text !== undefined) {
      ci.push(index);
      ct.push(text);
    }
  });
  const vi: number[] = [];
  const vw: [string[], string[]][] = [];
  m.aliasVeto.forEach((veto, index) => {
    if (veto !== undefined) {
      vi.push(index);
      vw.push([[...veto.after], [...veto.before]]);
    }
  });
  const header: SerializedHeader = {
    v: FORMAT_VERSION,
    n: m.labelLength.length,
    l: m.labels.length,
    a: m.aliasNode.length,
    w: m.contextNode.length,
    c: m.aliasContextIds.length,
    oc: counts.overflow.length,
    ol: lengths.overflow.length,
    cw,
    entities: m.entityIds,
    ci,
    ct,
    vi,
    vw,
  };

  const sizes = sectionSizes(header);
  const blob = new Uint8Array(sizes.reduce((x, y) => x + y, 0));
  const sources: ArrayBufferView[] = [
    cw === 1 ? new Uint8Array(m.labels) : m.labels,
    counts.bytes,
    counts.overflow,
    lengths.bytes,
    lengths.overflow,
    m.aliasNode,
    m.aliasEntity,
    m.aliasCaseSensitive,
    m.aliasContextStart,
    m.aliasContextIds,
    m.contextNode,
  ];
  let offset = 0;
  sources.forEach((src, k) => {
    blob.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), offset);
    offset += sizes[k]!;
  });
  return `${JSON.stringify(header)}\n${toBase64(blob)}`;
}

/**
 * Rebuilds a matcher from {@link serializeMatcher} output. Throws if the string is not a
 * matcher of this format version (the caller should then recompile from the snapshot).
 */
export function deserializeMatcher(serialized: string): CompiledMatcher {
  const newline = serialized.indexOf('\n');
  if (newline < 0) corrupt('no header');
  let h: SerializedHeader;
  try {
    h = JSON.parse(serialized.slice(0, newline)) as SerializedHeader;
  } catch {
    corrupt('header is not JSON');
  }
  if (typeof h !== 'object' || h === null || h.v !== FORMAT_VERSION) corrupt('unknown version');
  const { n, l, a, w, c, oc, ol, cw, entities, ci, ct, vi, vw } = h;
  for (const count of [n, l, a, w, c, oc, ol]) {
    if (!Number.isInteger(count) || count < 0) corrupt('counts');
  }
  if (cw !== 1 && cw !== 2) corrupt('char width');
  if (
    !Array.isArray(entities) ||
    !Array.isArray(ci) ||
    !Array.isArray(ct) ||
    ci.length !== ct.length ||
    !Array.isArray(vi) ||
    !Array.isArray(vw) ||
    vi.length !== vw.length
  ) {
    corrupt('header arrays');
  }
  for (let k = 0; k < entities.length; k++) {
    if (typeof entities[k] !== 'string') corrupt('entities');
  }

  const blob = fromBase64(serialized.slice(newline + 1));
  const sizes = sectionSizes(h);
  if (blob.byteLength !== sizes.reduce((x, y) => x + y, 0)) corrupt('blob size');
  // fromBase64 returns a fresh, 0-offset buffer, so aligned views are safe.
  const buffer = blob.buffer;
  let offset = 0;
  const next = (k: number): number => {
    const at = offset;
    offset += sizes[k]!;
    return at;
  };
  // Typed-array constructors convert natively; `from` would go through iterators.
  const labels =
    cw === 1 ? new Uint16Array(new Uint8Array(buffer, next(0), l)) : new Uint16Array(buffer, next(0), l);
  const countBytes = new Uint8Array(buffer, next(1), n);
  const childCount = unpackSmall(countBytes, new Uint32Array(buffer, next(2), oc));
  const lengthBytes = new Uint8Array(buffer, next(3), n);
  const labelLength = unpackSmall(lengthBytes, new Uint32Array(buffer, next(4), ol));
  const aliasNode = new Uint32Array(buffer, next(5), a);
  const aliasEntity = new Uint32Array(buffer, next(6), a);
  const aliasCaseSensitive = new Uint8Array(buffer, next(7), a);
  const aliasContextStart = new Uint32Array(buffer, next(8), a + 1);
  const aliasContextIds = new Uint32Array(buffer, next(9), c);
  const contextNode = new Uint32Array(buffer, next(10), w);

  const aliasCased = new Array<string | undefined>(a).fill(undefined);
  for (let k = 0; k < ci.length; k++) {
    const index = ci[k]!;
    const text = ct[k];
    if (!Number.isInteger(index) || index < 0 || index >= a || typeof text !== 'string') {
      corrupt('cased alias');
    }
    aliasCased[index] = text;
  }
  const aliasVeto = new Array<AliasVeto | undefined>(a).fill(undefined);
  const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  for (let k = 0; k < vi.length; k++) {
    const index = vi[k]!;
    const words = vw[k];
    if (!Number.isInteger(index) || index < 0 || index >= a || !Array.isArray(words)) corrupt('veto');
    const [after, before] = words;
    if (!isWords(after) || !isWords(before)) corrupt('veto words');
    aliasVeto[index] = { after, before };
  }
  return hydrate({
    labels,
    labelLength,
    childCount,
    aliasNode,
    aliasEntity,
    aliasCaseSensitive,
    aliasContextStart,
    aliasContextIds,
    contextNode,
    entityIds: entities,
    aliasCased,
    aliasVeto,
  });
}

// Base64 through the platform's codecs: Uint8Array.fromBase64 where it exists (current
// Chrome, Firefox, Safari), else atob.

interface Base64Uint8Array {
  fromBase64?: (s: string) => Uint8Array;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 8192) {
    binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 8192) as never);
  }
  return btoa(binary);
}

function fromBase64(s: string): Uint8Array {
  const codec = Uint8Array as unknown as Base64Uint8Array;
  try {
    if (codec.fromBase64 !== undefined) return codec.fromBase64(s);
    const binary = atob(s);
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    return bytes;
  } catch {
    corrupt('base64');
  }
}
