import { readFileSync } from "node:fs";
import { isAsciiWordCharacter, isLetterOrNumber } from "./characters.js";
import { weightTable, type WeightTable } from "./weight-table.js";

/**
 * Linear text models trained offline (`npm run train`, data/README.md) and shipped as JSON weights in
 * `models/`. Features are words and word pairs (title words separately), hashed into a fixed number of buckets; a decision is a sum of weights, so the features with the largest
 * contributions explain it. Pure and fast: a report is scored in one pass over its first `MODEL_TEXT` characters.
 */

/** Characters of a report the models read; longer bodies add little and would only cost time. */
export const MODEL_TEXT = 4_000;

/** Words too common to mean anything alone; they still count inside word pairs ("leads to", "as admin"). */
const STOP_WORDS = new Set(
  "a an and are as at be by can for from has have if in into is it its of on or that the this to was were when which while will with".split(
    " ",
  ),
);

/** Words that name the projects the training issues came from: a model must not learn who filed an issue. */
const SOURCE_NAMES = new Set(["matomo", "piwik", "ambari", "camel", "derby", "wicket", "chromium", "chrome"]);
/** What a number and a project's name are read as. */
const NUMBER = "_number_";
const PROJECT = "_project_";

export interface Feature {
  /** Hash bucket. */
  bucket: number;
  /** What a maintainer reads: the word or word pair. */
  name: string;
}

export interface ModelFile {
  /** Human-readable purpose, shown nowhere but in the file. */
  description: string;
  buckets: number;
  classes: readonly string[];
  bias: readonly number[];
  /** Sparse weights: `[bucket, weight per class...]`, each weight (once divided by `scale`) a whole thousandth. */
  weights: readonly (readonly number[])[];
  /**
   * What each written weight is divided by (1 when absent): the trained models write whole thousandths (1000, so 147
   * is 0.147), which the shipped 20,000 rows parse from in 40 to 55 ms against 70 to 100 as decimals, to the same
   * values.
   */
  scale?: number;
  /** For a category model: whether a class is a vulnerability or which catalog exclusion it corresponds to. */
  kinds?: Record<string, ClassKind>;
}

export interface ClassKind {
  /** `unspecified`: a vulnerability of no particular class, which says less than a named one. */
  kind: "vulnerability" | "exclusion" | "unspecified";
  exclusion?: string;
}

export interface LinearModel {
  readonly classes: readonly string[];
  readonly kinds: Readonly<Record<string, ClassKind>>;
  readonly buckets: number;
  readonly bias: readonly number[];
  /**
   * The weights in whole thousandths, a row per weighted bucket in the order of the buckets (`weights.table`). Two
   * bytes a weight: the category model's 20,000 rows take 1.5 MB where eight bytes took 5.9, which a report's
   * scattered rows, read while the rest of triage fills the cache, missed far more often.
   */
  readonly weights: WeightTable;
  /** One bit per bucket, set when it has weights: checked first, as most features have none. */
  readonly weighted: Uint32Array;
  /**
   * Per 32 buckets (a word of `weighted`), how many weighted buckets come before them: a weighted bucket's row is that
   * count plus the weighted buckets below it in its own word. 32 KB beside the bit set, where a hash table of buckets
   * and row offsets took 512 KB.
   */
  readonly rowsBefore: Int32Array;
}

export interface Contribution {
  feature: string;
  weight: number;
}

export interface Prediction {
  /** Probability per class, in the order of `classes`. */
  probabilities: number[];
  /** Features that pushed towards (`for`) or away from (`against`) a class most, strongest first. */
  top(classIndex: number, count: number, direction?: "for" | "against"): Contribution[];
}

export function loadModel(file: ModelFile): LinearModel {
  bucketMask(file.buckets);
  const scale = file.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`a model's weight scale must be a positive number, not ${scale}`);
  const weighted = new Uint32Array(Math.ceil(file.buckets / 32));
  // Indexed loops, not a rest element per row: this runs once per process, before its first report is scored.
  for (let row = 0; row < file.weights.length; row++) {
    const bucket = file.weights[row]?.[0] ?? 0;
    if (hasBit(weighted, bucket)) throw new Error(`bucket ${bucket} has two rows of weights`);
    setBit(weighted, bucket);
  }
  const rowsBefore = new Int32Array(weighted.length);
  for (let word = 1; word < weighted.length; word++) rowsBefore[word] = (rowsBefore[word - 1] ?? 0) + bitCount(weighted[word - 1] ?? 0);
  const model = {
    classes: file.classes,
    kinds: file.kinds ?? {},
    buckets: file.buckets,
    bias: file.bias,
    weights: weightTable(file.weights.length, file.classes.length, SEEN_SLOTS),
    weighted,
    rowsBefore,
  };
  const { table } = model.weights;
  for (let row = 0; row < file.weights.length; row++) {
    const weights = file.weights[row] ?? [];
    const bucket = weights[0] ?? 0;
    const start = rowStart(model, bucket);
    for (let index = 1; index < weights.length; index++) table[start + index - 1] = thousandths((weights[index] ?? 0) / scale, bucket);
  }
  return model;
}

/** The most a weight can be, in thousandths, in the two bytes the table keeps of it. */
const MOST_THOUSANDTHS = 32_767;

/** A weight as the whole thousandths the table keeps, or an error naming the bucket whose weight the table cannot hold. */
function thousandths(weight: number, bucket: number): number {
  const scaled = Math.round(weight * 1000);
  if (Math.abs(weight * 1000 - scaled) > 1e-6 || Math.abs(scaled) > MOST_THOUSANDTHS) {
    throw new Error(`bucket ${bucket} has the weight ${weight}: a model's weights are whole thousandths from -32.767 to 32.767`);
  }
  return scaled;
}

/** Whether bit `index` of a bit set is on. */
function hasBit(bits: Uint32Array, index: number): boolean {
  return ((bits[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
}

function setBit(bits: Uint32Array, index: number): void {
  bits[index >>> 5] = (bits[index >>> 5] ?? 0) | (1 << (index & 31));
}

/** How many bits of a 32-bit word are set. */
function bitCount(word: number): number {
  const pairs = word - ((word >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Where a bucket's search starts in an open-addressing table of `slots` (a power of two) entries: Fibonacci hashing. */
function slotOf(bucket: number, slots: number): number {
  return Math.imul(bucket, 0x9e3779b1) >>> (Math.clz32(slots) + 1);
}

/** Where a weighted bucket's weights start in the model's table (`rowsBefore`). */
function rowStart(model: Pick<LinearModel, "classes" | "weighted" | "rowsBefore">, bucket: number): number {
  const word = bucket >>> 5;
  const below = (model.weighted[word] ?? 0) & ((1 << (bucket & 31)) - 1);
  return ((model.rowsBefore[word] ?? 0) + bitCount(below)) * model.classes.length;
}

/** Reads a model shipped next to the compiled code, once, on first use. */
export function lazyModel(fileName: string): () => LinearModel {
  let model: LinearModel | undefined;
  return () => {
    model ??= loadModel(JSON.parse(readFileSync(new URL(`../../models/${fileName}`, import.meta.url), "utf8")) as ModelFile);
    return model;
  };
}

/**
 * FNV-1a, 32 bits, continued from `state` over the slice `start..end` of a text (without making the slice): stable
 * across platforms and versions, which the shipped weights depend on, and incremental, so a word pair's hash
 * continues its first word's instead of hashing a new string.
 */
function extendSlice(state: number, text: string, start: number, end: number): number {
  let value = state;
  for (let index = start; index < end; index++) value = fnvStep(value, text.charCodeAt(index));
  return value;
}

function extend(state: number, text: string): number {
  return extendSlice(state, text, 0, text.length);
}

function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193);
}

const FNV_OFFSET = 0x811c9dc5;
const TITLE_STATE = extend(FNV_OFFSET, "title:");
const SPACE = 0x20;
const NUMBER_STATE = extend(FNV_OFFSET, NUMBER);
const PROJECT_STATE = extend(FNV_OFFSET, PROJECT);
/** The hashes of the names and stop words: a word is compared with them only when its hash is one of theirs. */
const SOURCE_NAME_STATES = new Set([...SOURCE_NAMES].map((name) => extend(FNV_OFFSET, name)));
/** Each stop word by its hash. */
const STOP_WORD_BY_STATE = new Map([...STOP_WORDS].map((word) => [extend(FNV_OFFSET, word), word]));

/**
 * A filter of some hashes' low 12 bits: asked of every word, it rules out nearly every other word at once, where the
 * lookup of the hash itself cost more.
 */
function lowBitsFilter(states: Iterable<number>): Uint32Array {
  const filter = new Uint32Array(128);
  for (const state of states) setBit(filter, state & 4095);
  return filter;
}

/** Whether a hash may be one of those a filter was made of. */
function mayBeIn(filter: Uint32Array, state: number): boolean {
  return hasBit(filter, state & 4095);
}

const SOURCE_NAME_FILTER = lowBitsFilter(SOURCE_NAME_STATES);
const STOP_WORD_FILTER = lowBitsFilter(STOP_WORD_BY_STATE.keys());
/** Scripts written without spaces between words: a run of them is read as overlapping character pairs. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u;
const UNSPACED_RUNS = new RegExp(UNSPACED_SCRIPT.source, "gu");

/**
 * The words of a report, as positions in its lowered title and body and each word's hash, found in one pass: scoring
 * builds no string per word. A word is the slice `starts[i]..ends[i]` of `sources[from[i]]`; a number or a project's
 * name is a slice of its stand-in (`_number_`, `_project_`). The title's words come first, `titleCount` of them.
 */
interface ReportWords {
  sources: string[];
  from: number[];
  starts: number[];
  ends: number[];
  /** FNV-1a of the word, continued from `FNV_OFFSET`. */
  states: number[];
  titleCount: number;
}

const NUMBER_SOURCE = 0;
const PROJECT_SOURCE = 1;

/**
 * The words of a text: runs of letters, digits and `_`, joined by a single `-`, `'` or `.` between two of them. This is
 * the expression `[\p{L}\p{N}_]+(?:[-'.][\p{L}\p{N}_]+)*` (flags `gu`) read by hand: run over every report, the
 * expression cost more than scoring the words it found.
 */
export function words(text: string): string[] {
  const found = emptyWords();
  readWords(text, found);
  return found.states.map((_, position) => wordAt(found, position));
}

function emptyWords(): ReportWords {
  return { sources: [NUMBER, PROJECT], from: [], starts: [], ends: [], states: [], titleCount: 0 };
}

function wordAt(found: ReportWords, position: number): string {
  return (found.sources[found.from[position] ?? 0] ?? "").slice(found.starts[position], found.ends[position]);
}

/** Adds the words of a text to `found`, hashing each as it is read. */
function readWords(text: string, found: ReportWords): void {
  const read = text.slice(0, MODEL_TEXT).toLowerCase();
  const source = found.sources.push(read) - 1;
  const length = read.length;
  let index = 0;
  while (index < length) {
    const width = wordCharacterWidth(read, index);
    if (width === 0) {
      index += 1;
      continue;
    }
    const start = index;
    let state = FNV_OFFSET;
    let digits = true;
    // Only a word with a character beyond ASCII can hold an unspaced script: the others skip that check.
    let ascii = true;
    let take = width;
    for (;;) {
      for (const end = index + take; index < end; index++) {
        const code = read.charCodeAt(index);
        state = fnvStep(state, code);
        if (code < 0x30 || code > 0x39) digits = false;
        if (code >= 128) ascii = false;
      }
      take = wordCharacterWidth(read, index);
      if (take > 0) continue;
      const joiner = read.charCodeAt(index);
      if (joiner !== HYPHEN && joiner !== APOSTROPHE && joiner !== FULL_STOP) break;
      take = wordCharacterWidth(read, index + 1);
      if (take === 0) break;
      take += 1;
    }
    if (!ascii && UNSPACED_SCRIPT.test(read.slice(start, index))) addUnspacedWords(found, source, start, index);
    else addHashedWord(found, source, start, index, state, digits);
  }
}

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const FULL_STOP = 0x2e;

/** How many UTF-16 units the word character at `index` takes (2 for a surrogate pair), or 0 when it is none. */
function wordCharacterWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiWordCharacter(code) ? 1 : 0;
  const point = text.codePointAt(index) ?? code;
  return isLetterOrNumber(point) ? (point > 0xffff ? 2 : 1) : 0;
}

/** Words longer than this are dropped: hashes, tokens and base64, which never recur. */
const LONGEST_WORD = 30;

/** Adds the word `start..end` of a source, a number as `_number_` and a project's name as `_project_`. */
function addWord(found: ReportWords, source: number, start: number, end: number): void {
  const text = found.sources[source] ?? "";
  let state = FNV_OFFSET;
  let digits = true;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) digits = false;
    state = fnvStep(state, code);
  }
  addHashedWord(found, source, start, end, state, digits);
}

/** `addWord` for a word whose hash and digits the reader has already taken. */
function addHashedWord(found: ReportWords, source: number, start: number, end: number, state: number, digits: boolean): void {
  if (end - start > LONGEST_WORD) return;
  if (digits) pushWord(found, NUMBER_SOURCE, 0, NUMBER.length, NUMBER_STATE);
  else if (
    mayBeIn(SOURCE_NAME_FILTER, state) &&
    SOURCE_NAME_STATES.has(state) &&
    SOURCE_NAMES.has((found.sources[source] ?? "").slice(start, end))
  ) {
    pushWord(found, PROJECT_SOURCE, 0, PROJECT.length, PROJECT_STATE);
  } else pushWord(found, source, start, end, state);
}

function pushWord(found: ReportWords, source: number, start: number, end: number, state: number): void {
  found.from.push(source);
  found.starts.push(start);
  found.ends.push(end);
  found.states.push(state);
}

/**
 * The words of a token that mixes scripts ("后台存在sql注入漏洞"): the spaced parts as words, and each run of an
 * unspaced script as its overlapping character pairs ("注入", "入漏", "漏洞"), since no word boundary is written.
 */
function addUnspacedWords(found: ReportWords, source: number, start: number, end: number): void {
  const text = found.sources[source] ?? "";
  let from = start;
  for (const run of text.slice(start, end).matchAll(UNSPACED_RUNS)) {
    const at = start + run.index;
    if (at > from) addWord(found, source, from, at);
    const runEnd = at + run[0].length;
    const characters: number[] = [];
    for (let index = at; index < runEnd; index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1) characters.push(index);
    characters.push(runEnd);
    if (characters.length === 2) pushWord(found, source, at, runEnd, extendSlice(FNV_OFFSET, text, at, runEnd));
    for (let index = 0; index + 2 < characters.length; index++) {
      const pairStart = characters[index] ?? 0;
      const pairEnd = characters[index + 2] ?? 0;
      pushWord(found, source, pairStart, pairEnd, extendSlice(FNV_OFFSET, text, pairStart, pairEnd));
    }
    from = runEnd;
  }
  if (from < end) addWord(found, source, from, end);
}

/** The words a report's features are made of: the title's, then the title's and the body's together. */
function reportWords(title: string, body: string): ReportWords {
  const found = emptyWords();
  readWords(title, found);
  found.titleCount = found.states.length;
  readWords(body, found);
  return found;
}

/**
 * Which buckets a report has visited: an open-addressing set whose slots count as used when their stamp is the current
 * report's, so that each report starts with an empty set without clearing it; one set reused by every report, since a
 * set made per report cost more than scoring it (visits never nest). A report gives at most some 10,000 features (2,000
 * words from each of its title and body, each a word and a pair, the title's words once more), so the set is at most
 * two-thirds full.
 */
const SEEN_SLOTS = 1 << 14;
const seen = { buckets: new Int32Array(SEEN_SLOTS), stamps: new Uint32Array(SEEN_SLOTS), stamp: 0 };

function nextStamp(): number {
  seen.stamp = seen.stamp === 0xffffffff ? 1 : seen.stamp + 1;
  if (seen.stamp === 1) seen.stamps.fill(0);
  return seen.stamp;
}

/** How a feature is found again for its name: a title word, a word, or the pair a word starts. */
const enum FeatureKind {
  TitleWord = 0,
  Word = 1,
  Pair = 2,
}

/**
 * Visits the features of a report, each bucket once (presence, not counts: a long report is not more of one), as
 * a kind and a word position, so that scoring builds no strings; `featureName` builds the name when asked.
 */
function visitFeatures(
  found: ReportWords,
  buckets: number,
  visit: (bucket: number, kind: FeatureKind, position: number) => void,
  only?: Uint32Array,
): void {
  const stamp = nextStamp();
  // Called for every word of every report scored: plain loops, and no closure made per report. Scoring visits only
  // the buckets a model has weights for (`only`), checked first: most features have none, and a bit per bucket is all
  // that check reads.
  const { sources, from, starts, ends, states, titleCount } = found;
  const mask = bucketMask(buckets);
  for (let position = 0; position < titleCount; position++) {
    if (isStopWord(found, position)) continue;
    const text = sources[from[position] ?? 0] ?? "";
    const bucket = extendSlice(TITLE_STATE, text, starts[position] ?? 0, ends[position] ?? 0) & mask;
    if (firstVisit(stamp, only, bucket)) visit(bucket, FeatureKind.TitleWord, position);
  }
  const count = states.length;
  for (let position = 0; position < count; position++) {
    const state = states[position] ?? 0;
    const bucket = state & mask;
    if (!isStopWord(found, position) && firstVisit(stamp, only, bucket)) visit(bucket, FeatureKind.Word, position);
    const next = position + 1;
    if (next === count) continue;
    const text = sources[from[next] ?? 0] ?? "";
    const pairState = extendSlice(fnvStep(state, SPACE), text, starts[next] ?? 0, ends[next] ?? 0);
    const pairBucket = pairState & mask;
    if (firstVisit(stamp, only, pairBucket)) visit(pairBucket, FeatureKind.Pair, position);
  }
}

/**
 * What a hash is masked with to give its bucket. Bucket counts are powers of two, so that the bucket is the hash's low
 * bits: a remainder of the unsigned hash, which may exceed a small integer, cost a division in floating point per feature.
 */
function bucketMask(buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1 || (buckets & (buckets - 1)) !== 0 || buckets > 2 ** 30) {
    throw new Error(`a model's bucket count must be a power of two up to 2^30, not ${buckets}`);
  }
  return buckets - 1;
}

function isStopWord(found: ReportWords, position: number): boolean {
  const state = found.states[position] ?? 0;
  if (!mayBeIn(STOP_WORD_FILTER, state)) return false;
  const word = STOP_WORD_BY_STATE.get(state);
  if (word === undefined) return false;
  const start = found.starts[position] ?? 0;
  // Compared in place: a stop word is one word in three, too many to cut out of the text each time.
  return (found.ends[position] ?? 0) - start === word.length && (found.sources[found.from[position] ?? 0] ?? "").startsWith(word, start);
}

/** Whether a bucket is wanted and not yet visited by this report; marks it visited. */
function firstVisit(stamp: number, only: Uint32Array | undefined, bucket: number): boolean {
  if (only !== undefined && !hasBit(only, bucket)) return false;
  const { buckets, stamps } = seen;
  let slot = slotOf(bucket, SEEN_SLOTS);
  while (stamps[slot] === stamp) {
    if (buckets[slot] === bucket) return false;
    slot = (slot + 1) & (SEEN_SLOTS - 1);
  }
  stamps[slot] = stamp;
  buckets[slot] = bucket;
  return true;
}

function featureName(found: ReportWords, kind: FeatureKind, position: number): string {
  if (kind === FeatureKind.TitleWord) return `title:${wordAt(found, position)}`;
  if (kind === FeatureKind.Word) return wordAt(found, position);
  return `${wordAt(found, position)} ${wordAt(found, position + 1)}`;
}

/** The features of a title and body, for training. */
export function featuresOf(title: string, body: string, buckets: number): Feature[] {
  const found = reportWords(title, body);
  const features: Feature[] = [];
  visitFeatures(found, buckets, (bucket, kind, position) => features.push({ bucket, name: featureName(found, kind, position) }));
  return features;
}

/** Scores a title and body. For one class the model is a logistic regression, for more a softmax. */
export function predict(model: LinearModel, title: string, body: string): Prediction {
  const width = model.classes.length;
  const { weights } = model;
  const { table } = weights;
  const found = reportWords(title, body);
  // Kind, position and row of each feature found, three numbers each: no object per feature.
  const present: number[] = [];
  visitFeatures(
    found,
    model.buckets,
    (bucket, kind, position) => {
      const row = rowStart(model, bucket);
      present.push(kind, position, row);
      weights.list(row);
    },
    model.weighted,
  );
  // Sums of whole thousandths, exact; the bias is added once they are scaled back.
  const sums = weights.sumListed();
  // An array, not a Float64Array: a typed array of more than 64 bytes allocates memory of its own outside the heap.
  const scores: number[] = [];
  for (let index = 0; index < width; index++) scores.push((model.bias[index] ?? 0) + (sums[index] ?? 0) / 1000);
  const probabilities = width === 1 ? [sigmoid(scores[0] ?? 0)] : softmax(scores);
  return {
    probabilities,
    top(classIndex, count, direction = "for") {
      const sign = direction === "for" ? 1 : -1;
      const features = Array.from({ length: present.length / 3 }, (_, at) => ({
        kind: present[3 * at] as FeatureKind,
        position: present[3 * at + 1] ?? 0,
        row: present[3 * at + 2] ?? -1,
      }));
      return features
        .map((feature) => ({ feature, weight: (table[feature.row + classIndex] ?? 0) / 1000 }))
        .filter((contribution) => sign * contribution.weight > 0)
        .sort((a, b) => sign * (b.weight - a.weight))
        .slice(0, count)
        .map(({ feature, weight }) => ({ feature: readable(featureName(found, feature.kind, feature.position)), weight }));
    },
  };
}

/** Feature names as a maintainer reads them: the title marker in words. */
function readable(name: string): string {
  return name.startsWith("title:") ? `${name.slice("title:".length)} (title)` : name;
}

export function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

/** Plain loops over the scores: this runs for every report triaged, and the array methods cost more than the sums. */
function softmax(scores: readonly number[]): number[] {
  let highest = -Infinity;
  for (const score of scores) highest = Math.max(highest, score);
  const exponentials: number[] = [];
  let total = 0;
  for (const score of scores) {
    const exponential = Math.exp(score - highest);
    exponentials.push(exponential);
    total += exponential;
  }
  for (let index = 0; index < exponentials.length; index++) exponentials[index] = (exponentials[index] ?? 0) / total;
  return exponentials;
}
