import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DossierDocument } from '#domain/documents/document';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { ConflictError, NotFoundError } from '#domain/errors';
import { toLocalIso } from '#domain/time';
import { DOC_PREFIX, documentSk, dossierItem, dossierPk, newEventPut, withoutKeys } from './dossier-keys.ts';
import type { DossierRepository } from './dossier-repository.ts';
import { tableOfCode } from './dossier-repository.ts';
import { backoff, cancellationCodes, documentClient, queryAll, queryPages } from './dynamodb.ts';

/**
 * A pending upload holds its place in the dossier's limit this long: the URL lives 5 minutes,
 * and a 50 MB upload begun at its last second still finishes well within the rest.
 */
export const RESERVATION_MS = 15 * 60_000;
const MAX_ATTEMPTS = 8;

/**
 * The scans of dossiers, `DOC#<documentId>` items in the dossier's partition. Attaching one is
 * a single transaction with the dossier item and its history row, like every other change.
 */
export class DocumentRepository {
  constructor(private readonly dossiers: DossierRepository) {}

  /** Scans counting against the limit: completed ones and uploads begun within RESERVATION_MS. */
  async countHeld(code: string, now: Date): Promise<number> {
    let count = 0;
    for await (const page of queryPages({
      TableName: tableFor(code),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      FilterExpression: '#state = :complete OR createdAt >= :since',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':pk': dossierPk(code),
        ':doc': DOC_PREFIX,
        ':complete': 'complete',
        // Local ISO strings of one offset sort in time order.
        ':since': toLocalIso(new Date(now.getTime() - RESERVATION_MS)),
      },
      Select: 'COUNT',
      ConsistentRead: true,
    })) {
      count += page.Count ?? 0;
    }
    return count;
  }

  /** Records an upload about to begin; one conditional put. */
  async addPending(document: DossierDocument): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: tableFor(document.code),
        Item: itemOf(document),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async find(code: string, documentId: string): Promise<DossierDocument | undefined> {
    const table = tableOfCode(code);
    if (!table) return undefined;
    const out = await documentClient().send(
      new GetCommand({
        TableName: table,
        Key: { pk: dossierPk(code), sk: documentSk(documentId) },
        ConsistentRead: true,
      }),
    );
    return out.Item ? withoutKeys<DossierDocument>(out.Item) : undefined;
  }

  /** Completed scans in upload order (document ids are ULIDs). */
  async listComplete(code: string): Promise<DossierDocument[]> {
    const items = await queryAll({
      TableName: tableFor(code),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      FilterExpression: '#state = :complete',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':pk': dossierPk(code), ':doc': DOC_PREFIX, ':complete': 'complete' },
    });
    return items.map((item) => withoutKeys<DossierDocument>(item));
  }

  /**
   * Marks a checked upload complete in one transaction: the document `pending → complete`, the
   * dossier as `attach` builds it (conditional on the version read) and its history row. A
   * colleague's change in between only makes it re-read the dossier and try again; a document
   * completed meanwhile (a retried request) is returned as it is.
   */
  async complete(
    document: DossierDocument,
    attach: (dossier: Dossier) => { dossier: Dossier; entry: HistoryEntry },
  ): Promise<DossierDocument> {
    const table = tableFor(document.code);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const dossier = await this.dossiers.find(document.code, { consistent: true });
      if (!dossier) throw new NotFoundError(`dossier ${document.code} not found`);
      const change = attach(dossier);
      try {
        await documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: { pk: dossierPk(document.code), sk: documentSk(document.documentId) },
                  UpdateExpression: 'SET #state = :complete, completedAt = :at',
                  ConditionExpression: '#state = :pending',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: {
                    ':complete': 'complete',
                    ':pending': 'pending',
                    ':at': change.entry.at,
                  },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: dossierItem(change.dossier),
                  ConditionExpression: '#v = :expected',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':expected': dossier.version },
                },
              },
              newEventPut(table, document.code, change.entry),
            ],
          }),
        );
        return { ...document, state: 'complete', completedAt: change.entry.at };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[0] === 'ConditionalCheckFailed') {
          const current = await this.find(document.code, document.documentId);
          if (current?.state === 'complete') return current;
          throw new NotFoundError(`no pending document ${document.documentId} in dossier ${document.code}`);
        }
        const raced =
          codes?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict') ||
          (error as Error).name === 'TransactionConflictException';
        if (!raced) throw error;
        await backoff(attempt);
      }
    }
    throw new ConflictError(`dossier ${document.code} is busy; try again`);
  }

  /** Forgets a pending upload (a rejected file); a completed document is never removed here. */
  async removePending(document: DossierDocument): Promise<void> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: tableFor(document.code),
          Key: { pk: dossierPk(document.code), sk: documentSk(document.documentId) },
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}

function itemOf(document: DossierDocument): Record<string, unknown> {
  return { ...document, pk: dossierPk(document.code), sk: documentSk(document.documentId) };
}

function tableFor(code: string): string {
  const table = tableOfCode(code);
  if (!table) throw new NotFoundError(`dossier ${code} not found`);
  return table;
}
