/**
 * `/disclosure contain` and `/disclosure release` on a public issue, optionally naming one comment by its id or
 * address. Only a line of its own counts, and not inside a code block or a quote, so that quoting the command in a
 * discussion does not run it.
 */

export type ContainmentCommand = { verb: "contain" | "release"; commentId?: number };

const COMMAND = /^\/disclosure[ \t]+(contain|release)(?:[ \t]+(?:https:\/\/\S+#issuecomment-(\d+)|(\d+)))?[ \t]*$/i;

export function parseContainmentCommand(body: string): ContainmentCommand | null {
  let fence: string | null = null;
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.trim();
    const fenceMatch = /^(`{3,}|~{3,})/.exec(line);
    if (fenceMatch?.[1]) {
      if (fence === null) fence = fenceMatch[1];
      else if (line.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null || line.startsWith(">")) continue;
    const match = COMMAND.exec(line);
    if (!match?.[1]) continue;
    const id = match[2] ?? match[3];
    return { verb: match[1].toLowerCase() as ContainmentCommand["verb"], ...(id ? { commentId: Number(id) } : {}) };
  }
  return null;
}
