import { z } from 'zod';
import { Identifier, InstantSchema, NameSchema, ShortText, VersionSchema } from './common.js';

export const RoleSchema = z.enum(['decision_owner', 'cadence_owner', 'quality_owner', 'contributor', 'observer']);

const Email = z.email('Must be an email address.').max(254);
const TimeZone = Identifier(64);
const Password = z.string().min(1, 'Required.').max(1024);

export const LoginSchema = z.object({ email: Email, password: Password }).strict().meta({ id: 'Login' });

export const MembershipSchema = z
  .object({
    id: z.string(),
    role: RoleSchema,
    clientId: z.string().nullable(),
    clientName: z.string().nullable(),
    programId: z.string().nullable(),
    programCode: z.string().nullable(),
  })
  .meta({ id: 'Membership' });

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    isAdmin: z.boolean(),
    hasLeadershipMail: z
      .boolean()
      .meta({ description: 'You receive the leadership view of last week by e-mail each Monday at 08:00 in your zone' }),
    memberships: z.array(MembershipSchema),
    version: z.number().int().positive().meta({ description: 'Send it back when you change your name or time zone (PATCH /me)' }),
    csrfToken: z.string().nullable().meta({ description: 'Send as X-CSRF-Token on state-changing requests made with the session cookie' }),
    via: z.enum(['session', 'token']).meta({ description: 'session: a browser signed in with the cookie; token: an API token or the CLI' }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** One's own name and time zone, changed at the version read (GET /me's). */
export const UpdateMeSchema = z
  .object({
    version: VersionSchema,
    name: NameSchema.optional(),
    timeZone: TimeZone.optional().meta({ description: 'IANA time zone every instant is shown to you in', example: 'Asia/Shanghai' }),
    hasLeadershipMail: z
      .boolean()
      .optional()
      .meta({ description: 'Receive the leadership view of last week (the programs you see) by e-mail each Monday at 08:00 in your zone' }),
  })
  .strict()
  .meta({ id: 'UpdateMe' });

export const ChangePasswordSchema = z.object({ currentPassword: Password, newPassword: Password }).strict();
export const PasswordChangedSchema = z
  .object({
    revokedTokens: z.number().int().min(0).meta({ description: 'Your API tokens that worked until now and are revoked' }),
    endedSessions: z.number().int().min(0).meta({ description: 'Your other sessions, now signed out (this one stays)' }),
  })
  .meta({ id: 'PasswordChanged' });

export const CreateTokenSchema = z
  .object({
    name: ShortText(100).min(1, 'Give the token a name, e.g. "ERP export".'),
    expiresInDays: z.number().int().min(1).max(366).default(90),
  })
  .strict();

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the token, to recognise it' }),
    createdAt: InstantSchema,
    expiresAt: InstantSchema,
    revokedAt: InstantSchema.nullable(),
    lastUsedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
export const CreatedTokenSchema = z.object({ token: z.string().meta({ description: 'Shown once; store it now' }), item: ApiTokenSchema });
export const TokenParamsSchema = z.object({ tokenId: Identifier(64) });

export const RoleGrantSchema = z
  .object({
    role: RoleSchema,
    clientId: Identifier(64).optional(),
    programId: Identifier(64).optional().meta({ description: 'Program id or code' }),
  })
  .strict()
  .refine((g) => (g.clientId === undefined) !== (g.programId === undefined), {
    message: 'Give either clientId or programId.',
    path: ['clientId'],
  });

export const InviteSchema = z
  .object({
    email: Email,
    name: NameSchema,
    isAdmin: z.boolean().default(false),
    timeZone: TimeZone.optional(),
    roles: z.array(RoleGrantSchema).max(100).default([]),
  })
  .strict();

export const InvitationSchema = z.object({
  userId: z.string(),
  inviteUrl: z.string().meta({ description: 'Send this link to the person; valid until expiresAt, usable once' }),
  expiresAt: InstantSchema,
});

export const InviteTokenParamsSchema = z.object({ token: Identifier(200, 10) });
export const InviteInfoSchema = z.object({
  purpose: z.enum(['invite', 'setup']),
  email: z.string().nullable(),
  name: z.string().nullable(),
  expiresAt: InstantSchema,
});
export const AcceptInviteSchema = z
  .object({
    password: Password,
    name: NameSchema.optional(),
    email: Email.optional().meta({ description: 'Only for the setup link, which creates the first admin' }),
    timeZone: TimeZone.optional(),
  })
  .strict();

export const PersonSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(['invited', 'active', 'removed']),
    isAdmin: z.boolean(),
    memberships: z.array(MembershipSchema),
  })
  .meta({ id: 'Person' });
export const PersonListSchema = z.object({
  items: z.array(PersonSchema),
  isMailOn: z.boolean().meta({
    description: 'Whether this server sends e-mail (TOLLGATE_SMTP_URL and TOLLGATE_MAIL_FROM set); off, notices stay in Tollgate only',
  }),
});
export const PersonParamsSchema = z.object({ userId: Identifier(64) });
export const MembershipParamsSchema = z.object({ membershipId: Identifier(64) });

export const ProgramPersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(RoleSchema) });
export const ProgramPeopleSchema = z.object({ items: z.array(ProgramPersonSchema) });

export const AuthConfigSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
