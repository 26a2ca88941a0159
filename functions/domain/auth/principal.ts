import * as z from 'zod';

/** The roles of the one-stop shop, as Cognito groups and local token claims. */
export const Role = z.enum([
  'clerk',
  'specialist',
  'leader',
  'ward_admin',
  'district_official',
  'city_official',
]);
export type Role = z.infer<typeof Role>;

/** Who is calling: the verified claims of a bearer token. */
export const Principal = z.object({
  userId: z.string().min(1),
  roles: z.array(Role).min(1),
  wardId: z.string().optional(),
  districtId: z.string().optional(),
});
export type Principal = z.infer<typeof Principal>;

/**
 * Claim names carried by tokens. They are Cognito's, so the local token issuer and the
 * user pool produce the same shape.
 */
export const CLAIMS = {
  userId: 'cognito:username',
  groups: 'cognito:groups',
  ward: 'custom:ward',
  district: 'custom:district',
} as const;
