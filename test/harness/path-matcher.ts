/**
 * Matches request paths against OpenAPI path templates (`/repos/{owner}/{repo}/issues/{issue_number}`) in a few
 * microseconds: a segment trie where a literal segment wins over a parameter, and a parameter the description marks
 * `x-multi-segment` (a file path, a git ref, a branch) may span several segments.
 */

export interface PathMatch<Route> {
  route: Route;
  template: string;
  /** Decoded parameter values by name. */
  params: Record<string, string>;
}

interface TrieNode<Route> {
  literals: Map<string, TrieNode<Route>>;
  param?: TrieNode<Route>;
  multiSegmentParam?: TrieNode<Route>;
  end?: { route: Route; template: string; paramNames: string[] };
}

function emptyNode<Route>(): TrieNode<Route> {
  return { literals: new Map() };
}

export interface PathMatcher<Route> {
  add(template: string, route: Route, multiSegmentParams?: ReadonlySet<string>): void;
  match(path: string): PathMatch<Route> | undefined;
}

export function createPathMatcher<Route>(): PathMatcher<Route> {
  const root = emptyNode<Route>();

  function add(template: string, route: Route, multiSegmentParams: ReadonlySet<string> = new Set()): void {
    let node = root;
    const paramNames: string[] = [];
    for (const segment of template.split("/").slice(1)) {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
      if (param === undefined) {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = emptyNode()));
        node = next;
      } else if (multiSegmentParams.has(param)) {
        node = node.multiSegmentParam ??= emptyNode();
        paramNames.push(param);
      } else {
        node = node.param ??= emptyNode();
        paramNames.push(param);
      }
    }
    if (node.end) throw new Error(`Two routes for the path template ${template} (and ${node.end.template})`);
    node.end = { route, template, paramNames };
  }

  function match(path: string): PathMatch<Route> | undefined {
    const segments = path.split("/").slice(1);
    const values: string[] = [];
    const end = descend(root, segments, 0, values);
    if (!end) return undefined;
    const params: Record<string, string> = {};
    end.paramNames.forEach((name, index) => {
      params[name] = values[index]!;
    });
    return { route: end.route, template: end.template, params };
  }

  return { add, match };
}

function descend<Route>(node: TrieNode<Route>, segments: string[], index: number, values: string[]): TrieNode<Route>["end"] {
  if (index === segments.length) return node.end;
  const segment = segments[index]!;
  if (segment === "") return undefined;

  const literal = node.literals.get(segment);
  if (literal) {
    const end = descend(literal, segments, index + 1, values);
    if (end) return end;
  }
  const decoded = safeDecode(segment);
  if (decoded === undefined) return undefined;
  if (node.param) {
    values.push(decoded);
    const end = descend(node.param, segments, index + 1, values);
    if (end) return end;
    values.pop();
  }
  if (node.multiSegmentParam) {
    // Shortest span first, so `/branches/main/protection` is the protection of `main`, not a branch of that name.
    for (let last = index; last < segments.length; last++) {
      const span = segments.slice(index, last + 1);
      if (span.includes("")) continue;
      values.push(span.map((part) => safeDecode(part) ?? part).join("/"));
      const end = descend(node.multiSegmentParam, segments, last + 1, values);
      if (end) return end;
      values.pop();
    }
  }
  return undefined;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
