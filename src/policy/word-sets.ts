/**
 * Sets of plain lower-case words (the `requiredLiterals` of a rule's patterns), looked for in a text all at once.
 *
 * Every rule checks its words before it runs its expression, and a report is read by some twenty rules: one
 * expression of alternatives per rule cost triage about a fifth of its time on long reports. Here the words of
 * every set in use form one Aho–Corasick automaton, which reads a text once and learns which sets occur in it; the
 * answer is kept for the last few texts, since every rule reads the same title and body.
 */

export interface WordSet {
  /** Whether any of the set's words is in `lower`, a text already lowered by `lowerForLiterals`. */
  contains(lower: string): boolean;
}

/**
 * Characters of the distinct words of all sets that the automaton holds at most; a set beyond them is looked for word
 * by word. Policies compiled for many repositories' configs must not grow it without end, and a set once in it stays,
 * so that no repository's config can make the automaton be rebuilt for everyone's reports. MijnPartnerGroep's policy
 * registers 85,005 characters (5,725 words, 40,807 states; a table of 4.7 MB, built in 55 to 85 ms), and both example
 * policies together 106,124 (50,507 states, 5.9 MB): a server holding both still reads every set at once. At the limit
 * the states outgrow two bytes, and the table takes four a state.
 */
const MAX_CHARACTERS = 200_000;
/**
 * Texts whose findings are remembered: a report's title, body and both, and the body's parts around its first line
 * break, which reading the body remembers too, so that the title read before the body is still known after it.
 */
const REMEMBERED_TEXTS = 5;

interface Registered {
  readonly words: readonly string[];
  /** Position of the set in the automaton's findings. */
  readonly index: number;
}

interface Automaton {
  /** Per ASCII code, its column in `next`; 0 for a character no word holds. */
  readonly columnOf: Uint8Array;
  readonly width: number;
  /**
   * Next state per state and column: a complete table, so reading a character is one lookup. Two bytes a state while
   * the states fit them: a report's path through the table is mostly out of the cache by the time it is read (the rest
   * of triage has filled it), and half the bytes miss it less often.
   */
  readonly next: Uint16Array | Uint32Array;
  /**
   * Per state, 1 where a set's word ends (itself or through a shorter suffix). `foundStart` says the same in four bytes
   * a state; read at every character, a byte a state (41 KB for MijnPartnerGroep) stays in cache.
   */
  readonly ending: Uint8Array;
  /** Per state, where its sets start in `found` (and the next state's start where they end). */
  readonly foundStart: Int32Array;
  /** The sets one of whose words ends at a state, itself or through a shorter suffix. */
  readonly found: Int32Array;
  readonly sets: number;
}

/** Whether some registered word holds a line break: then a text is not read in parts (see `findingsIn`). */
let wordWithLineBreak = false;
const registeredByWords = new Map<string, Registered>();
const registered: Registered[] = [];
/** The distinct words of all sets, and their characters together. */
const knownWords = new Set<string>();
let characters = 0;
/** How many times a set found no room left (a set refused once is asked for again by each config compiled). */
let refusals = 0;
let automaton: Automaton | undefined;
/** What reading a text found: per set whether it is present, and the present sets as a list. */
interface Findings {
  readonly present: Uint8Array;
  readonly sets: readonly number[];
  /** Per group, its present sets as bits (see `wordSetGroup`), worked out when a group first asks. */
  masks?: Int32Array;
}
let remembered: { lower: string; findings: Findings; automaton: Automaton }[] = [];
/** Per registered set, the groups holding it, each as group × 32 + the set's bit in that group. */
const memberships: number[][] = [];
const groupByKey = new Map<string, number>();
let groups = 0;

export function wordSet(words: readonly string[]): WordSet {
  const place = placeOf(words);
  if ("always" in place) return { contains: () => true };
  if ("words" in place) return { contains: (lower) => holdsAnyWord(lower, place.words) };
  return { contains: (lower) => findingsIn(lower).present[place.index] === 1 };
}

/** Where a set's presence is read: nowhere (a set with the empty word is in every text), the automaton, or word by word. */
type Place = { always: true } | { index: number } | { words: readonly string[] };

function placeOf(words: readonly string[]): Place {
  const unique = [...new Set(words)].sort();
  if (unique.includes("")) return { always: true };
  const entry = register(unique);
  return entry === undefined ? { words: unique } : { index: entry.index };
}

function holdsAnyWord(lower: string, words: readonly string[]): boolean {
  return words.some((word) => lower.includes(word));
}

/** Sets looked for together, such as the words of each of a rule's patterns: at most `MAX_GROUP` of them. */
export interface WordSetGroup {
  /** Bit i is set when the i-th set has a word in `lower` (a text lowered as for `contains`). */
  holdingIn(lower: string): number;
}

export const MAX_GROUP = 31;

/**
 * `wordSet` for several sets at once: one reading of a text answers for all of them, and the answer is a bit mask
 * worked out once per text for every group from the sets it holds, not a lookup per set per rule.
 */
export function wordSetGroup(lists: readonly (readonly string[])[]): WordSetGroup {
  if (lists.length > MAX_GROUP) throw new Error(`a group holds at most ${MAX_GROUP} sets, not ${lists.length}`);
  let always = 0;
  const byWord: { bit: number; words: readonly string[] }[] = [];
  const placed: { bit: number; index: number }[] = [];
  lists.forEach((words, bit) => {
    const place = placeOf(words);
    if ("always" in place) always |= 1 << bit;
    else if ("words" in place) byWord.push({ bit, words: place.words });
    else placed.push({ bit, index: place.index });
  });
  const group = groupOf(placed);
  return {
    holdingIn(lower) {
      let holding = always | (groupMasks(findingsIn(lower))[group] ?? 0);
      for (const { bit, words } of byWord) if (holdsAnyWord(lower, words)) holding |= 1 << bit;
      return holding;
    },
  };
}

/**
 * A group's number. Every policy compiled for a repository's config asks for its rules' groups again: the same sets in
 * the same places are the same group, so that the groups, and the masks worked out per text, stay as many as the
 * distinct rules.
 */
function groupOf(placed: readonly { bit: number; index: number }[]): number {
  const key = placed.map(({ bit, index }) => `${bit}:${index}`).join(",");
  const known = groupByKey.get(key);
  if (known !== undefined) return known;
  const group = groups++;
  groupByKey.set(key, group);
  for (const { bit, index } of placed) (memberships[index] ??= []).push(group * 32 + bit);
  return group;
}

/** How many times a set had no room in the automaton and is looked for word by word, so that a test can hold the limit. */
export function wordSetRefusals(): number {
  return refusals;
}

/** How many states the automaton has, built if need be, so that a test can reach the table's four-byte form. */
export function wordAutomatonStates(): number {
  automaton ??= build(registered);
  return automaton.ending.length;
}

/** How many distinct groups there are, so that a test can hold that compiling the same rules again adds none. */
export function wordSetGroupCount(): number {
  return groups;
}

function groupMasks(findings: Findings): Int32Array {
  if (findings.masks !== undefined && findings.masks.length === groups) return findings.masks;
  const masks = zeroedInts(groups);
  for (const set of findings.sets)
    for (const membership of memberships[set] ?? []) masks[membership >>> 5] = (masks[membership >>> 5] ?? 0) | (1 << (membership & 31));
  findings.masks = masks;
  return masks;
}

/** The set's place in the automaton, or undefined when it cannot have one. */
function register(words: readonly string[]): Registered | undefined {
  // Words are lower-case ASCII (`requiredLiterals`): the automaton reads no other character.
  if (words.some((word) => [...word].some((character) => character.charCodeAt(0) >= 128))) return undefined;
  const key = words.join("\n");
  const known = registeredByWords.get(key);
  if (known !== undefined) return known;
  const newWords = words.filter((word) => !knownWords.has(word));
  const length = newWords.reduce((sum, word) => sum + word.length, 0);
  if (characters + length > MAX_CHARACTERS) {
    refusals += 1;
    return undefined;
  }
  const entry: Registered = { words, index: registered.length };
  registeredByWords.set(key, entry);
  registered.push(entry);
  for (const word of newWords) knownWords.add(word);
  characters += length;
  wordWithLineBreak ||= words.some((word) => word.includes("\n"));
  automaton = undefined;
  return entry;
}

function findingsIn(lower: string): Findings {
  automaton ??= build(registered);
  const current = automaton;
  const known = rememberedFindings(current, lower);
  if (known !== undefined) return known;
  // A report's title and body are read joined by a line break as well as apart, in either order: as no word holds a
  // line break, the parts read apart find what the whole does, so each part is read once whichever comes first.
  const junction = wordWithLineBreak ? -1 : lower.indexOf("\n");
  if (junction < 0) {
    const findings = scan(current, lower, 0, lower.length);
    remember(current, lower, findings);
    return findings;
  }
  const head = partFindings(current, lower, 0, junction);
  const tail = partFindings(current, lower, junction + 1, lower.length);
  const present = zeroedBytes(current.sets);
  present.set(head.present);
  const sets = [...head.sets];
  for (const set of tail.sets) {
    if (present[set] === 0) {
      present[set] = 1;
      sets.push(set);
    }
  }
  const findings = { present, sets };
  remember(current, lower, findings);
  return findings;
}

/** The findings of a part of a text, remembered from an earlier reading or read now and remembered. */
function partFindings(current: Automaton, lower: string, from: number, to: number): Findings {
  const part = lower.slice(from, to);
  const known = rememberedFindings(current, part);
  if (known !== undefined) return known;
  const findings = scan(current, lower, from, to);
  remember(current, part, findings);
  return findings;
}

function rememberedFindings(current: Automaton, lower: string): Findings | undefined {
  return remembered.find((entry) => entry.lower === lower && entry.automaton === current)?.findings;
}

function remember(current: Automaton, lower: string, findings: Findings): void {
  remembered = [{ lower, findings, automaton: current }, ...remembered.slice(0, REMEMBERED_TEXTS - 1)];
}

/**
 * Zeroed memory for the arrays made per text, cut one after another from a shared buffer: a typed array of more than
 * 64 bytes allocates its own memory outside V8's heap, 0.4 to 1.1 µs each, several times a report. Cut from one buffer
 * (and with a text's parts merged without a callback per set), triage took 15 % fewer instructions a report under
 * Openworx (784,000 → 669,000, counted by callgrind). A buffer is freed once no array cut from it is left; the next
 * is allocated when one is used up.
 */
const SLAB_BYTES = 1 << 20;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** Where `bytes` (a multiple of 4, so that every array cut stays aligned) start in `slab`, cut now. */
function cut(bytes: number): number {
  if (slabUsed + bytes > slab.byteLength) {
    slab = new ArrayBuffer(Math.max(SLAB_BYTES, bytes));
    slabUsed = 0;
  }
  slabUsed += bytes;
  return slabUsed - bytes;
}

function zeroedBytes(length: number): Uint8Array {
  const at = cut(Math.ceil(length / 4) * 4);
  return new Uint8Array(slab, at, length);
}

function zeroedInts(length: number): Int32Array {
  const at = cut(length * 4);
  return new Int32Array(slab, at, length);
}

function scan({ columnOf, width, next, ending, foundStart, found, sets }: Automaton, lower: string, from: number, to: number): Findings {
  const present = zeroedBytes(sets);
  const presentSets: number[] = [];
  let state = 0;
  for (let index = from; index < to; index++) {
    const code = lower.charCodeAt(index);
    state = next[state * width + (code < 128 ? (columnOf[code] ?? 0) : 0)] ?? 0;
    if (ending[state] === 1) {
      const end = foundStart[state + 1] ?? 0;
      for (let at = foundStart[state] ?? 0; at < end; at++) {
        const set = found[at] ?? 0;
        if (present[set] === 0) {
          present[set] = 1;
          presentSets.push(set);
        }
      }
    }
  }
  return { present, sets: presentSets };
}

/**
 * The automaton of the sets' words, built in its own transition table: the trie's edges first, then, breadth first,
 * each state's row as a copy of its fallback's (its longest proper suffix in the trie), complete by then, with the
 * state's own edges written over it. It is built at a process's first report, before the code is optimised: for
 * MijnPartnerGroep's words, filling the table entry by entry took 100 to 150 ms there, copying rows whole 55 to 70.
 */
function build(sets: readonly Registered[]): Automaton {
  // Sets share many words: each distinct word is added once, with the sets it belongs to (a set's words are distinct).
  const setsOfWord = new Map<string, number[]>();
  sets.forEach(({ words }, setIndex) => {
    for (const word of words) {
      const holding = setsOfWord.get(word);
      if (holding === undefined) setsOfWord.set(word, [setIndex]);
      else holding.push(setIndex);
    }
  });
  // The states are the words' distinct prefixes: in sorted order, each word adds those past what it shares with the
  // word before it. Counted first, the table is made at its size once, neither grown nor cut to size.
  const columnOf = new Uint8Array(128);
  let width = 1;
  let stateCount = 1;
  let previous = "";
  for (const word of [...setsOfWord.keys()].sort()) {
    let shared = 0;
    while (shared < word.length && word.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    stateCount += word.length - shared;
    for (let index = shared; index < word.length; index++) {
      const code = word.charCodeAt(index);
      if (columnOf[code] === 0) columnOf[code] = width++;
    }
    previous = word;
  }
  // 0 marks a missing edge, as no edge leads back to the root. Each state's children are kept as a list too, so that
  // the breadth-first pass reads only edges.
  const next = stateCount <= 0x10000 ? new Uint16Array(stateCount * width) : new Uint32Array(stateCount * width);
  const firstChild = new Int32Array(stateCount);
  const nextSibling = new Int32Array(stateCount);
  const columnOfState = new Int32Array(stateCount);
  const endsHere: (readonly number[])[] = [];
  let states = 1;
  for (const [word, holding] of setsOfWord) {
    let state = 0;
    for (let index = 0; index < word.length; index++) {
      const column = columnOf[word.charCodeAt(index)] ?? 0;
      let child = next[state * width + column] ?? 0;
      if (child === 0) {
        child = states++;
        next[state * width + column] = child;
        columnOfState[child] = column;
        nextSibling[child] = firstChild[state] ?? 0;
        firstChild[state] = child;
      }
      state = child;
    }
    endsHere[state] = holding;
  }

  const foundOf: (readonly number[])[] = new Array<readonly number[]>(states).fill(NONE);
  const fallbackOf = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let child = firstChild[0] ?? 0; child !== 0; child = nextSibling[child] ?? 0) {
    foundOf[child] = endsHere[child] ?? NONE;
    queue[tail++] = child;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head] ?? 0;
    const row = state * width;
    const fallbackRow = (fallbackOf[state] ?? 0) * width;
    next.copyWithin(row, fallbackRow, fallbackRow + width);
    for (let child = firstChild[state] ?? 0; child !== 0; child = nextSibling[child] ?? 0) {
      const column = columnOfState[child] ?? 0;
      const shorter = next[fallbackRow + column] ?? 0;
      fallbackOf[child] = shorter;
      foundOf[child] = union(endsHere[child] ?? NONE, foundOf[shorter] ?? NONE);
      next[row + column] = child;
      queue[tail++] = child;
    }
  }
  const foundStart = new Int32Array(states + 1);
  foundOf.forEach((list, state) => (foundStart[state + 1] = (foundStart[state] ?? 0) + list.length));
  const found = new Int32Array(foundStart[states] ?? 0);
  foundOf.forEach((list, state) => found.set(list, foundStart[state] ?? 0));
  const ending = Uint8Array.from(foundOf, (list) => (list.length > 0 ? 1 : 0));
  return { columnOf, width, next, ending, foundStart, found, sets: sets.length };
}

const NONE: readonly number[] = [];

/** The sets of a state: those its own words end, then its fallback's (shared, not copied, when it ends none). */
function union(own: readonly number[], inherited: readonly number[]): readonly number[] {
  if (own.length === 0) return inherited;
  if (inherited.length === 0) return own;
  return [...own, ...inherited.filter((set) => !own.includes(set))];
}
