import { httpHandler } from '#api/http';
import { fields } from '#domain/catalogue/fields';
import { city, districts } from '#domain/catalogue/units';

/** `GET /v1/units`: the city, its districts and wards (with agency codes), and the fields. */
export const handler = httpHandler({ access: 'public' }, async () => ({
  status: 200,
  body: { city, districts, fields },
}));
