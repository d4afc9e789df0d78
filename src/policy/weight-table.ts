import { WEIGHT_SUMS_MODULE } from "./weight-sums-module.js";

/**
 * A linear model's weights, held in WebAssembly memory so that a report's rows are summed eight classes at a time
 * (`weight-sums.wat`). Summed in JavaScript one class at a time, the category model's 37 classes cost triage some
 * 120,000 instructions a report; in vectors, triage of the 10,000 labelled benchmark reports takes 13 % fewer
 * instructions a report under Openworx (902,000 → 784,000, counted by callgrind) and 12 % fewer under
 * MijnPartnerGroep.
 */
export interface WeightTable {
  /** Row after row of one weight per class, in whole thousandths. */
  readonly table: Int16Array;
  /** Lists the row that starts at `table[start]` for the next `sumListed`. */
  list(start: number): void;
  /** Per class (the first `classes` entries), the sum of the listed rows' weights; the list is then empty again. */
  sumListed(): Int32Array;
}

/** WebAssembly's interface as far as used here: TypeScript declares it only in the browser's library. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: WeightSumsExports };
}

interface WeightSumsExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  sumRows(rowsAt: number, rowsEnd: number, vectors: number, sumsAt: number): void;
}

const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
const compiled = new Module(Buffer.from(WEIGHT_SUMS_MODULE, "base64"));
const PAGE = 65_536;
const VECTOR_BYTES = 16;
const CLASSES_PER_VECTOR = 8;

/** A table of `rows` rows of `classes` weights, all 0, that lists at most `mostListed` rows per sum. */
export function weightTable(rows: number, classes: number, mostListed: number): WeightTable {
  const { memory, sumRows } = new Instance(compiled).exports;
  const vectors = Math.ceil(classes / CLASSES_PER_VECTOR);
  const sumsAt = mostListed * 4;
  const tableAt = sumsAt + vectors * 2 * VECTOR_BYTES;
  // A vector read at the last row's start may reach past the table's end.
  const bytes = tableAt + rows * classes * 2 + VECTOR_BYTES;
  memory.grow(Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE);
  const listed = new Int32Array(memory.buffer, 0, mostListed);
  const sums = new Int32Array(memory.buffer, sumsAt, vectors * CLASSES_PER_VECTOR);
  let count = 0;
  return {
    table: new Int16Array(memory.buffer, tableAt, rows * classes),
    list(start) {
      if (count === mostListed) {
        count = 0;
        throw new Error(`a sum takes at most ${mostListed} rows`);
      }
      listed[count++] = tableAt + start * 2;
    },
    sumListed() {
      sumRows(0, count * 4, vectors, sumsAt);
      count = 0;
      return sums;
    },
  };
}
