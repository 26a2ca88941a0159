import { workingCalendar } from '#adapters/calendar-repository';
import { dossiers } from '#adapters/repositories';
import { httpHandler } from '#api/http';
import { getWard, WardPath } from '#api/params';
import { staffView } from '#api/views';
import { findProcedure } from '#domain/catalogue/procedures';
import { assertMayReceive, IntakeRequest, planIntake, receiveDossier } from '#domain/dossier/intake';
import { hashLookupKey, newLookupKey } from '#domain/dossier/lookup-key';
import { UnprocessableError } from '#domain/errors';
import { localDateOf, parseInstant } from '#domain/time';

/**
 * `POST /v1/wards/{wardId}/dossiers` (clerk of the ward): receives a dossier at the counter,
 * or records its refusal (`outcome: "refused"`). Answers the code and the lookup key, which is
 * shown once and only its hash is stored, and `receiptUrl`: the form to print for the citizen
 * (01 with the key, or 03 for a refusal).
 */
export const handler = httpHandler(
  { access: ['clerk'], path: WardPath, body: IntakeRequest },
  async ({ path, body, principal, now }) => {
    const ward = getWard(path.wardId);
    assertMayReceive(principal, ward.id);
    const procedure = findProcedure(body.procedureId);
    if (!procedure) throw new UnprocessableError(`unknown procedure '${body.procedureId}'`, 'procedureId');
    const ctx = { principal, now, calendar: await workingCalendar(), ward, procedure };
    const plan = planIntake(body, ctx);
    const lookupKey = newLookupKey();
    const { value } = await dossiers.create(ward, localDateOf(parseInstant(plan.receivedAt)), (code) =>
      receiveDossier(body, ctx, plan, { code, lookupKeyHash: hashLookupKey(code, lookupKey) }),
    );
    const self = `/v1/dossiers/${encodeURIComponent(value.code)}`;
    const receiptUrl =
      value.status === 'refused'
        ? `${self}/forms/03`
        : `${self}/forms/01?key=${encodeURIComponent(lookupKey)}`;
    return {
      status: 201,
      headers: { location: self },
      body: { ...staffView(value), lookupKey, receiptUrl },
    };
  },
);
