import * as z from 'zod';
import { workingCalendar } from '#adapters/calendar-repository';
import { writeImportedDossiers } from '#adapters/dossier-import';
import { HttpError } from '#api/errors';
import { httpHandler } from '#api/http';
import { MAX_IMPORT_LINES, replayImportLines, splitImportLines } from '#domain/dossier/import-batch';

/**
 * Lambda's limit on a synchronous request (6 MB, below API Gateway's 10 MB), less room for the
 * event's own fields: larger files are split.
 */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * `POST /v1/import/dossiers` (city official), body `application/x-ndjson`: dossiers of an older
 * system, one JSON object a line (functions/domain/dossier/import.ts). Each line is replayed
 * through the live rules on its own; the good ones are written, each in one transaction, and the
 * bad ones are reported by line. Re-importing a `sourceId` writes nothing and counts as skipped.
 * Answers `{ imported, skipped, errors: [{ line, reason }] }`.
 */
export const handler = httpHandler(
  {
    access: ['city_official'],
    body: z.string(),
    textBody: { mediaTypes: ['application/x-ndjson'], maxBytes: MAX_IMPORT_BYTES },
  },
  async ({ body, now }) => {
    const lines = splitImportLines(body);
    if (lines.length > MAX_IMPORT_LINES) {
      throw new HttpError(
        413,
        'payload_too_large',
        `the file has ${lines.length} dossiers; at most ${MAX_IMPORT_LINES} per request`,
      );
    }
    const { rows, errors } = replayImportLines(lines, { calendar: await workingCalendar(), now });
    const written = await writeImportedDossiers(rows, now);
    const allErrors = [...errors, ...written.errors].sort((a, b) => a.line - b.line);
    return { status: 200, body: { imported: written.imported, skipped: written.skipped, errors: allErrors } };
  },
);
