import { Dossier } from '#domain/dossier/dossier';
import { dossierPk, META } from './dossier-keys.ts';
import { queueStatsFold } from './queue-stats.ts';
import { applyDossierChange } from './stats-repository.ts';

/** One record of a district table's stream, images unmarshalled. */
export interface StreamFoldRecord {
  readonly eventId: string;
  readonly old?: Record<string, unknown>;
  readonly new?: Record<string, unknown>;
}

/**
 * A statistics fold over the district tables' streams: which items it folds, and how. `apply`
 * must be idempotent on the record (streams deliver at least once). For a record it can never
 * fold it throws an error named `PoisonRecordError` (or a `ZodError`): the record is
 * dead-lettered and the stream moves on. Any other error is taken as passing: it is retried.
 */
export interface StreamFold {
  name: string;
  matches(keys: { pk: string; sk: string }): boolean;
  apply(record: {
    eventId: string;
    old?: Record<string, unknown>;
    new?: Record<string, unknown>;
  }): Promise<void>;
}

/**
 * A record that no retry can fold (an image that is not what the fold reads): dead-lettered.
 * Recognised by its name, so a fold need not import this file (which imports every fold).
 */
export class PoisonRecordError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PoisonRecordError';
  }
}

const DOSSIER_PREFIX = dossierPk('');

/** Parses an image of a dossier's META item; the key and index attributes are not part of it. */
function dossierOf(image: Record<string, unknown> | undefined, which: string): Dossier | undefined {
  if (!image) return undefined;
  const parsed = Dossier.safeParse(image);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new PoisonRecordError(`${which} image is not a dossier: ${issues.join('; ')}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Dossier META items → the II.06a counters (stats-repository.ts). */
export const dossierFold: StreamFold = {
  name: 'dossier-stats',
  matches: ({ pk, sk }) => pk.startsWith(DOSSIER_PREFIX) && sk === META,
  async apply(record) {
    const change = {
      eventId: record.eventId,
      old: dossierOf(record.old, 'old'),
      new: dossierOf(record.new, 'new'),
    };
    await applyDossierChange(change);
  },
};

/** Every fold of the district streams; a record goes to each fold that matches its keys. */
export const streamFolds: StreamFold[] = [dossierFold, queueStatsFold];
