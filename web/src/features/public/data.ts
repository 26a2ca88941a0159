import { api } from '../../shared/api/client.ts';
import type { Procedure } from '../../shared/api/types.ts';
import { once } from '../../shared/once.ts';

/**
 * `GET /v1/procedures`: the whole catalogue (a few dozen entries), searched in the browser. It
 * changes only with a deployment: fetched once per visit and shared by every public page, so
 * moving between them is instant.
 */
export const loadCatalogue = once(async () => (await api<{ items: Procedure[] }>('/v1/procedures')).items);
