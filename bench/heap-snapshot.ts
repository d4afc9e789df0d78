import { readFileSync } from "node:fs";

/** Bytes held by each kind of object in a V8 heap snapshot: `type:constructor name` → self size and count. */
export type HeapCensus = Map<string, { bytes: number; count: number }>;

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function heapCensus(path: string): HeapCensus {
  const file = JSON.parse(readFileSync(path, "utf8")) as SnapshotFile;
  const fields = file.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const typeNames = file.snapshot.meta.node_types[0];
  const census: HeapCensus = new Map();
  for (let node = 0; node < file.nodes.length; node += width) {
    const type = typeNames[file.nodes[node + typeAt]!] ?? "?";
    const rawName =
      type === "string" || type === "concatenated string" || type === "sliced string"
        ? ""
        : (file.strings[file.nodes[node + nameAt]!] ?? "");
    const key = `${type}:${rawName.slice(0, 60)}`;
    const entry = census.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += file.nodes[node + sizeAt]!;
    entry.count += 1;
    census.set(key, entry);
  }
  return census;
}

/** What grew between two censuses, largest growth first. */
export function heapGrowth(before: HeapCensus, after: HeapCensus, top = 12): { kind: string; bytes: number; count: number }[] {
  return [...after]
    .map(([kind, { bytes, count }]) => ({
      kind,
      bytes: bytes - (before.get(kind)?.bytes ?? 0),
      count: count - (before.get(kind)?.count ?? 0),
    }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, top);
}

export function totalBytes(census: HeapCensus): number {
  let total = 0;
  for (const { bytes } of census.values()) total += bytes;
  return total;
}
