import { diffLines } from "diff";

export interface DiffLine {
  kind: "added" | "removed" | "same";
  text: string;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

const linesOf = (value: string): string[] => {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
};

/**
 * A line-by-line comparison of two versions of a text: every line of the
 * later version in order, with the earlier version's removed lines where they were.
 */
export function lineDiff(before: string, after: string): LineDiff {
  // Both end with a newline, so a changed last line is not also reported as a changed line ending.
  const terminate = (s: string) => (s === "" || s.endsWith("\n") ? s : `${s}\n`);
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffLines(terminate(before), terminate(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const text of linesOf(change.value)) {
      lines.push({ kind, text });
      if (kind === "added") added += 1;
      if (kind === "removed") removed += 1;
    }
  }
  return { lines, added, removed };
}
