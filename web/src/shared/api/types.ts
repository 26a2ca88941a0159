/**
 * The API's answers, typed from the domain it serves (type-only imports: nothing of the server
 * reaches the bundle).
 */

import type { QueueConfig } from '../../../../edge-agent/src/queue/config.ts';
import type { Field } from '../../../../functions/domain/catalogue/fields.ts';
import type { Procedure } from '../../../../functions/domain/catalogue/procedures.ts';
import type { District, Ward } from '../../../../functions/domain/catalogue/units.ts';
import type { DossierDocument } from '../../../../functions/domain/documents/document.ts';
import type { DossierAction } from '../../../../functions/domain/dossier/actions.ts';
import type { Dossier, HistoryEntry } from '../../../../functions/domain/dossier/dossier.ts';
import type { DossierStatus } from '../../../../functions/domain/dossier/status.ts';
import type { QueuePicture } from '../../../../functions/domain/queue/picture.ts';
import type { PublicQueueBoard } from '../../../../functions/domain/queue/public-board.ts';

export type {
  District,
  DossierAction,
  DossierStatus,
  Field,
  Procedure,
  PublicQueueBoard,
  QueueConfig,
  QueuePicture,
  Ward,
};

/** `GET /v1/units`. */
export interface Units {
  readonly city: { readonly id: string; readonly name: string };
  readonly districts: readonly District[];
  readonly fields: readonly Field[];
}

/** A dossier in lists and after intake (`staffView`). */
export type StaffDossier = Omit<Dossier, 'lookupKeyHash'> & {
  readonly statusLabel: string;
  readonly nationalStatusName: string;
  readonly procedureName?: string;
};

/** `GET /v1/dossiers/{code}`. */
export type DossierPage = StaffDossier & {
  readonly history: readonly HistoryEntry[];
  readonly allowedActions: readonly DossierAction[];
};

/** `POST /v1/wards/{wardId}/dossiers` → 201. */
export type IntakeResult = StaffDossier & { readonly lookupKey: string; readonly receiptUrl: string };

/** `GET /v1/wards/{wardId}/dossiers`. */
export interface DossierList {
  readonly items: readonly StaffDossier[];
  readonly cursor: string | null;
}

/** A scan as staff see it. */
export type ScanDocument = Omit<DossierDocument, 'key'> & { readonly kindLabel: string };

/** `GET /v1/public/dossiers/{code}?key=`. */
export interface PublicDossier {
  readonly code: string;
  readonly status: DossierStatus;
  readonly statusLabel: string;
  readonly nationalStatus: number;
  readonly nationalStatusName: string;
  readonly procedureId: string;
  readonly procedureName?: string;
  readonly ward: { readonly id: string; readonly name?: string };
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly updatedAt: string;
}
