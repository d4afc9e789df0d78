import { readFileSync } from "node:fs";

/**
 * Linear text models trained offline (`npm run train`, data/README.md) and shipped as JSON weights in
 * `models/`. Features are words and word pairs (title words separately), hashed into a fixed number of buckets; a decision is a sum of weights, so the features with the largest
 * contributions explain it. Pure and fast: a report is scored in one pass over its first `MODEL_TEXT` characters.
 */

/** Characters of a report the models read; longer bodies add little and would only cost time. */
export const MODEL_TEXT = 4_000;

/** Words too common to mean anything alone; they still count inside word pairs ("leads to", "as admin"). */
const STOP_WORDS = new Set(
  "a an and are as at be by can for from has have if in into is it its of on or that the this to was were when which while will with".split(" "),
);

/** Words that name the projects the training issues came from: a model must not learn who filed an issue. */
const SOURCE_NAMES = new Set(["matomo", "piwik", "ambari", "camel", "derby", "wicket", "chromium", "chrome"]);

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
  /** Sparse weights: `[bucket, weight per class...]`. */
  weights: readonly (readonly number[])[];
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
  readonly weights: ReadonlyMap<number, readonly number[]>;
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
  return {
    classes: file.classes,
    kinds: file.kinds ?? {},
    buckets: file.buckets,
    bias: file.bias,
    weights: new Map(file.weights.map(([bucket, ...weights]) => [bucket ?? 0, weights])),
  };
}

/** Reads a model shipped next to the compiled code, once, on first use. */
export function lazyModel(fileName: string): () => LinearModel {
  let model: LinearModel | undefined;
  return () => {
    model ??= loadModel(JSON.parse(readFileSync(new URL(`../../models/${fileName}`, import.meta.url), "utf8")) as ModelFile);
    return model;
  };
}

/** FNV-1a, 32 bits: stable across platforms and versions, which the shipped weights depend on. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const WORD = /[\p{L}\p{N}_]+(?:[-'.][\p{L}\p{N}_]+)*/gu;

function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, MODEL_TEXT).toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length > 30) continue;
    found.push(SOURCE_NAMES.has(word) ? "_project_" : /^\d+$/.test(word) ? "_number_" : word);
  }
  return found;
}

/** The features of a title and body, each bucket once (presence, not counts: a long report is not more of one). */
export function featuresOf(title: string, body: string, buckets: number): Feature[] {
  const seen = new Map<number, string>();
  const add = (name: string): void => {
    const bucket = hash(name) % buckets;
    if (!seen.has(bucket)) seen.set(bucket, name);
  };
  const titleWords = words(title);
  for (const word of titleWords) if (!STOP_WORDS.has(word)) add(`title:${word}`);
  const all = [...titleWords, ...words(body)];
  for (let index = 0; index < all.length; index++) {
    const word = all[index] ?? "";
    if (!STOP_WORDS.has(word)) add(word);
    const next = all[index + 1];
    if (next !== undefined) add(`${word} ${next}`);
  }
  return [...seen].map(([bucket, name]) => ({ bucket, name }));
}

/** Scores a title and body. For one class the model is a logistic regression, for more a softmax. */
export function predict(model: LinearModel, title: string, body: string): Prediction {
  const features = featuresOf(title, body, model.buckets);
  const scores = [...model.bias];
  const present: { name: string; weights: readonly number[] }[] = [];
  for (const feature of features) {
    const weights = model.weights.get(feature.bucket);
    if (weights === undefined) continue;
    present.push({ name: feature.name, weights });
    for (let index = 0; index < scores.length; index++) scores[index] = (scores[index] ?? 0) + (weights[index] ?? 0);
  }
  const probabilities = scores.length === 1 ? [sigmoid(scores[0] ?? 0)] : softmax(scores);
  return {
    probabilities,
    top(classIndex, count, direction = "for") {
      const sign = direction === "for" ? 1 : -1;
      return present
        .map(({ name, weights }) => ({ feature: readable(name), weight: round(weights[classIndex] ?? 0) }))
        .filter((contribution) => sign * contribution.weight > 0)
        .sort((a, b) => sign * (b.weight - a.weight))
        .slice(0, count);
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

function softmax(scores: readonly number[]): number[] {
  const highest = Math.max(...scores);
  const exponentials = scores.map((score) => Math.exp(score - highest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
