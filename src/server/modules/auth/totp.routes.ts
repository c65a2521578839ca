import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { actorOf, contextOf } from '../../http/request-context';
import { TotpCodeBody, TotpEnrolmentSchema, TotpStatusSchema } from './auth.schema';
import { startTotpEnrolment } from './start-totp-enrolment';
import { confirmTotpEnrolment } from './confirm-totp-enrolment';
import { verifySecondFactor } from './verify-second-factor';
import { disableTotp } from './disable-totp';
import { totpRequiredFor } from './totp';

const tags = ['auth'];

/** The second factor (TOTP) of local accounts: status, enrolment, the code at sign-in, switching off. */
export default async function totpRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/totp',
    {
      config: { access: anyUser, signInStages: ['enrolment'] },
      schema: { tags, summary: 'Your second factor', response: { 200: envelope(TotpStatusSchema) } },
    },
    async (request) => {
      const actor = actorOf(contextOf(request));
      const row = await app.db
        .selectFrom('users')
        .leftJoin('user_totp as t', 't.user_id', 'users.id')
        .select([
          'users.password_hash',
          't.confirmed_at',
          (eb) =>
            eb
              .selectFrom('user_recovery_codes as c')
              .select((e) => e.fn.countAll<string>().as('n'))
              .whereRef('c.user_id', '=', 'users.id')
              .where('c.used_at', 'is', null)
              .as('left'),
        ])
        .where('users.id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      const enrolled = row.confirmed_at !== null;
      return ok({
        enrolled,
        required: totpRequiredFor(app.config, actor.role) && row.password_hash !== null,
        available: row.password_hash !== null,
        recoveryCodesLeft: enrolled ? Number(row.left ?? 0) : 0,
      });
    },
  );

  r.post(
    '/api/auth/totp/enrolment',
    {
      config: { access: anyUser, signInStages: ['enrolment'] },
      schema: {
        tags,
        summary: 'Start setting up the second factor: a new secret and its QR code',
        body: z.strictObject({}).optional(),
        response: { 201: envelope(TotpEnrolmentSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(ok(await startTotpEnrolment(contextOf(request)))),
  );

  r.post(
    '/api/auth/totp/enrolment/confirm',
    {
      config: { access: anyUser, signInStages: ['enrolment'] },
      schema: {
        tags,
        summary: 'Confirm the second factor with a code; answers the recovery codes, shown once',
        body: TotpCodeBody,
        response: { 200: envelope(z.object({ recoveryCodes: z.array(z.string()) })) },
      },
    },
    async (request) =>
      ok(
        await confirmTotpEnrolment(contextOf(request), {
          code: request.body.code,
          clientAddress: request.ip,
        }),
      ),
  );

  r.post(
    '/api/auth/totp/verify',
    {
      config: { access: anyUser, signInStages: ['second_factor'] },
      schema: {
        tags,
        summary: 'Second step of a sign-in: the code from the app or a recovery code',
        body: TotpCodeBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await verifySecondFactor(contextOf(request), { code: request.body.code, clientAddress: request.ip });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/totp/disable',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Switch the second factor off (with a current code)',
        body: TotpCodeBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableTotp(contextOf(request), { code: request.body.code, clientAddress: request.ip });
      return reply.status(204).send(null);
    },
  );
}
