import { z } from 'zod';

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string(), locale: z.string() })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;
export const UserListSchema = z.object({ items: z.array(UserSchema) });
