import { parseImportLine, type ReplayContext, type ReplayedImport, replayImport } from './import.ts';

/** Most non-empty lines in one import request; larger histories go in several files. */
export const MAX_IMPORT_LINES = 5000;

/** A non-empty line of an import file, numbered from 1 as in the file. */
export interface ImportLine {
  readonly line: number;
  readonly text: string;
}

export interface ImportLineError {
  readonly line: number;
  readonly reason: string;
}

export interface ReplayedLine {
  readonly line: number;
  readonly replayed: ReplayedImport;
}

/** The non-empty lines of an NDJSON text (LF or CRLF; a leading byte-order mark is ignored). */
export function splitImportLines(text: string): ImportLine[] {
  const lines: ImportLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() !== '') lines.push({ line: i + 1, text: raw });
    });
  return lines;
}

/**
 * Parses and replays every line on its own: the good ones to write, and for each bad one its
 * line number and why. A `sourceId` repeated within the file is an error on the later line: the
 * same dossier twice in one file is a mistake in the export, not a re-import.
 */
export function replayImportLines(
  lines: readonly ImportLine[],
  ctx: ReplayContext,
): { rows: ReplayedLine[]; errors: ImportLineError[] } {
  const rows: ReplayedLine[] = [];
  const errors: ImportLineError[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of lines) {
    const parsed = parseImportLine(text);
    if (!parsed.ok) {
      errors.push({ line, reason: parsed.reason });
      continue;
    }
    const first = seen.get(parsed.value.sourceId);
    if (first !== undefined) {
      errors.push({ line, reason: `sourceId: '${parsed.value.sourceId}' is already on line ${first}` });
      continue;
    }
    seen.set(parsed.value.sourceId, line);
    const replayed = replayImport(parsed.value, ctx);
    if (replayed.ok) rows.push({ line, replayed: replayed.value });
    else errors.push({ line, reason: replayed.reason });
  }
  return { rows, errors };
}
