import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, PageQuery, selectPage } from '../../http/paging';
import { contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import {
  CreateUserBody,
  ResetPasswordBody,
  SetActiveBody,
  SetRoleBody,
  UserIdParams,
  UserSchema,
} from './users.schema';
import { findUserById, findUsers, usersQuery } from './users.repository';
import { presentUser } from './users.presenter';
import { createUser } from './create-user';
import { setUserRole } from './set-user-role';
import { resetUserPassword } from './reset-user-password';
import { setUserActive } from './set-user-active';
import { LangQuery, sendXlsx, type SheetColumn } from '../../http/spreadsheet';
import { ROLE } from '../../http/spreadsheet-labels';

const exportColumns: SheetColumn<ReturnType<typeof presentUser>>[] = [
  { header: 'email', value: (u) => u.email, width: 32 },
  { header: 'name', value: (u) => u.name, width: 30 },
  { header: 'role', value: (u) => u.role, labels: ROLE, withCode: true },
  { header: 'active', value: (u) => u.isActive, kind: 'boolean' },
  { header: 'clusters', value: (u) => u.clusterIds.length, kind: 'integer' },
  { header: 'created_at', value: (u) => u.createdAt, kind: 'datetime' },
];

const adminOnly = { access: allow('admin') };
const tags = ['users'];

export default async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'List accounts, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(UserSchema) },
      },
    },
    async (request) => {
      const rows = await selectPage(usersQuery(contextOf(request).db), request.query);
      return pagedAnswer(rows, request.query, presentUser, { create: true });
    },
  );

  r.get(
    '/api/users.xlsx',
    { config: adminOnly, schema: { tags, summary: 'Accounts as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      const rows = (await findUsers(contextOf(request).db)).map(presentUser);
      return sendXlsx(request, reply, 'speerpunt-accounts.xlsx', {
        name: { nl: 'Accounts', en: 'Accounts' },
        columns: exportColumns,
        rows,
      });
    },
  );

  r.get(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: { tags, summary: 'One account', params: UserIdParams, response: { 200: envelope(UserSchema) } },
    },
    async (request) => {
      const row = await findUserById(contextOf(request).db, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      return ok(presentUser(row));
    },
  );

  r.post(
    '/api/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Create an account',
        body: CreateUserBody,
        response: { 201: envelope(UserSchema) },
      },
    },
    async (request, reply) => {
      const row = await createUser(contextOf(request), request.body);
      return reply.status(201).send(ok(presentUser(row)));
    },
  );

  r.put(
    '/api/users/:id/role',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Set role and clusters',
        params: UserIdParams,
        body: SetRoleBody,
        response: { 200: envelope(UserSchema) },
      },
    },
    async (request) => {
      const row = await setUserRole(contextOf(request), { userId: request.params.id, ...request.body });
      return ok(presentUser(row));
    },
  );

  r.put(
    '/api/users/:id/active',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Activate or deactivate',
        params: UserIdParams,
        body: SetActiveBody,
        response: { 200: envelope(UserSchema) },
      },
    },
    async (request) => {
      const row = await setUserActive(contextOf(request), {
        userId: request.params.id,
        isActive: request.body.isActive,
      });
      return ok(presentUser(row));
    },
  );

  r.post(
    '/api/users/:id/password',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Reset a password',
        params: UserIdParams,
        body: ResetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetUserPassword(contextOf(request), {
        userId: request.params.id,
        password: request.body.password,
      });
      return reply.status(204).send(null);
    },
  );
}
