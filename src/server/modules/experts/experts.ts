import { sql } from 'kysely';
import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { queueNotification } from '../../notifications/queue-notification';
import { getCallForStaff } from '../review/review.policy';
import type { ExpertPoolEntry } from '../../../shared/expert-pool';

/** The text every expert accepts before any proposal of a call becomes visible. */
export const DECLARATION_VERSION = '2026-1';
export const DECLARATION = {
  nl:
    'Ik behandel alle voorstellen en beoordelingen vertrouwelijk, beoordeel onafhankelijk en ' +
    'onpartijdig, en meld elk belangenconflict zodra ik het ken (betrokkenheid bij een organisatie ' +
    'uit het consortium, nu of in de voorbije jaren, of een ander persoonlijk of financieel belang).',
  en:
    'I treat all proposals and reviews as confidential, review independently and impartially, and ' +
    'report any conflict of interest as soon as I know of it (involvement with a consortium ' +
    'organisation, now or in recent years, or any other personal or financial interest).',
};

/** Which experts of the pool: those matching `q` (name, e-mail or headline, accents and case aside), or one. */
export interface ExpertPoolFilters {
  q?: string;
  onlyUserId?: string;
}

/** The active expert accounts with their profile row, by name (and id, so pages are stable). */
export function expertPoolQuery(ctx: StepContext, filters: ExpertPoolFilters = {}) {
  let query = ctx.db
    .selectFrom('users')
    .leftJoin('expert_profiles as p', 'p.user_id', 'users.id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'p.headline',
      'p.keywords',
      'p.languages',
      'p.max_load',
      'p.min_load',
      'p.is_available',
    ])
    .where('users.role', '=', 'expert')
    .where('users.is_active', '=', true)
    .orderBy('users.name')
    .orderBy('users.id');
  if (filters.onlyUserId) query = query.where('users.id', '=', filters.onlyUserId);
  if (filters.q) {
    const like = sql`sp_fold(${`%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`})`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`sp_fold(users.name)`, 'like', like),
        eb(sql`sp_fold(users.email)`, 'like', like),
        eb(sql`sp_fold(coalesce(p.headline, ''))`, 'like', like),
      ]),
    );
  }
  return query;
}
type PoolRow = Awaited<ReturnType<ReturnType<typeof expertPoolQuery>['execute']>>[number];

/** The pool entries of these rows: their themes and affiliations in two statements, whatever the count. */
export async function withExpertProfiles(ctx: StepContext, users: PoolRow[]): Promise<ExpertPoolEntry[]> {
  const ids = users.map((u) => u.id);
  const themes = ids.length
    ? await ctx.db
        .selectFrom('expert_themes')
        .select(['user_id', 'theme_id'])
        .where('user_id', 'in', ids)
        .execute()
    : [];
  const affiliations = ids.length
    ? await ctx.db
        .selectFrom('expert_affiliations as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select(['a.user_id', 'a.organisation_id', 'o.name', 'a.role', 'a.valid_from', 'a.valid_to'])
        .where('a.user_id', 'in', ids)
        .orderBy('o.name')
        .execute()
    : [];
  return users.map((u) => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    headline: u.headline ?? '',
    keywords: u.keywords ?? [],
    languages: u.languages ?? ['nl'],
    maxLoad: u.max_load ?? 8,
    minLoad: u.min_load ?? 0,
    isAvailable: u.is_available ?? true,
    themeIds: themes.filter((t) => t.user_id === u.id).map((t) => t.theme_id),
    affiliations: affiliations
      .filter((a) => a.user_id === u.id)
      .map((a) => ({
        organisationId: a.organisation_id,
        organisationName: a.name,
        role: a.role,
        validFrom: a.valid_from,
        validTo: a.valid_to,
      })),
  }));
}

/** Every active expert account with its profile (defaults when none was saved yet), or just one. */
export async function findExpertPool(ctx: StepContext, onlyUserId?: string): Promise<ExpertPoolEntry[]> {
  return withExpertProfiles(ctx, await expertPoolQuery(ctx, { onlyUserId }).execute());
}

export interface SaveExpertProfileOptions {
  userId: string;
  headline: string;
  keywords: string[];
  languages: string[];
  maxLoad: number;
  minLoad: number;
  isAvailable: boolean;
  themeIds: string[];
  affiliations: { organisationId: string; role: string; validFrom: string | null; validTo: string | null }[];
}

/** Affiliations and themes must name organisations and themes that exist; each miss names its field. */
async function assertReferencesExist(ctx: StepContext, options: SaveExpertProfileOptions): Promise<void> {
  const organisationIds = [...new Set(options.affiliations.map((a) => a.organisationId))];
  const themeIds = [...new Set(options.themeIds)];
  const [organisations, themes] = await Promise.all([
    organisationIds.length
      ? ctx.db.selectFrom('organisations').select('id').where('id', 'in', organisationIds).execute()
      : [],
    themeIds.length ? ctx.db.selectFrom('themes').select('id').where('id', 'in', themeIds).execute() : [],
  ]);
  const knownOrganisations = new Set(organisations.map((o) => o.id));
  const knownThemes = new Set(themes.map((t) => t.id));
  const details = [
    ...options.affiliations.flatMap((a, index) =>
      knownOrganisations.has(a.organisationId)
        ? []
        : [
            detail(
              `body.affiliations.${index}.organisationId`,
              'reference_not_found',
              'Deze organisatie bestaat niet.',
              'This organisation does not exist.',
            ),
          ],
    ),
    ...options.themeIds.flatMap((id, index) =>
      knownThemes.has(id)
        ? []
        : [
            detail(
              `body.themeIds.${index}`,
              'reference_not_found',
              'Dit thema bestaat niet.',
              'This theme does not exist.',
            ),
          ],
    ),
  ];
  if (details.length > 0) throw new AppError('REFERENCE_NOT_FOUND', { details });
}

/** Saves an expert's profile, themes and affiliations (officer, or the expert for themself). */
export async function saveExpertProfile(
  ctx: StepContext,
  options: SaveExpertProfileOptions,
): Promise<ExpertPoolEntry> {
  const actor = actorOf(ctx);
  if (actor.role === 'expert' && actor.userId !== options.userId) throw new AppError('NOT_FOUND');
  const [before] = await findExpertPool(ctx, options.userId);
  if (!before) throw new AppError('NOT_FOUND');
  if (options.minLoad > options.maxLoad)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'body.minLoad',
          code: 'min_above_max',
          message: {
            nl: 'De minimale belasting is groter dan de maximale.',
            en: 'The minimum load exceeds the maximum load.',
          },
        },
      ],
    });
  await assertReferencesExist(ctx, options);
  await ctx.db.transaction().execute(async (tx) => {
    const values = {
      headline: options.headline,
      keywords: options.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean),
      languages: options.languages,
      max_load: options.maxLoad,
      min_load: options.minLoad,
      is_available: options.isAvailable,
      updated_at: ctx.now(),
    };
    await tx
      .insertInto('expert_profiles')
      .values({ user_id: options.userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await tx.deleteFrom('expert_themes').where('user_id', '=', options.userId).execute();
    const themeIds = [...new Set(options.themeIds)];
    if (themeIds.length)
      await tx
        .insertInto('expert_themes')
        .values(themeIds.map((theme_id) => ({ user_id: options.userId, theme_id })))
        .execute();
    await tx.deleteFrom('expert_affiliations').where('user_id', '=', options.userId).execute();
    if (options.affiliations.length) {
      await tx
        .insertInto('expert_affiliations')
        .values(
          options.affiliations.map((a) => ({
            user_id: options.userId,
            organisation_id: a.organisationId,
            role: a.role,
            valid_from: a.validFrom,
            valid_to: a.validTo,
          })),
        )
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'expert.profile_saved',
        entityType: 'user',
        entityId: options.userId,
        before,
        after: options,
      },
      ctx.requestId,
    );
  });
  const [after] = await findExpertPool(ctx, options.userId);
  return after;
}

/** Invites experts to a call (officer); each gets a notification asking to accept the declaration. */
export async function inviteExperts(
  ctx: StepContext,
  options: { callId: string; userIds: string[]; maxLoad?: number | null },
): Promise<number> {
  const call = await getCallForStaff(ctx.db, options.callId);
  const userIds = [...new Set(options.userIds)];
  const experts = userIds.length
    ? await ctx.db
        .selectFrom('users')
        .select('id')
        .where('id', 'in', userIds)
        .where('role', '=', 'expert')
        .where('is_active', '=', true)
        .execute()
    : [];
  if (experts.length !== userIds.length) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    let invited = 0;
    for (const { id } of experts) {
      const inserted = await tx
        .insertInto('call_experts')
        .values({
          call_id: call.id,
          user_id: id,
          max_load: options.maxLoad ?? null,
          invited_by: actorOf(ctx).userId,
        })
        .onConflict((oc) => oc.columns(['call_id', 'user_id']).doNothing())
        .returning('user_id')
        .executeTakeFirst();
      if (!inserted) continue;
      invited++;
      await queueNotification(tx, {
        userId: id,
        kind: 'review.invited',
        params: { callTitle: { nl: call.title_nl, en: call.title_en ?? call.title_nl } },
        link: '/review/my',
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.experts_invited',
        entityType: 'call',
        entityId: call.id,
        after: { userIds, maxLoad: options.maxLoad ?? null },
      },
      ctx.requestId,
    );
    return invited;
  });
}

/** The calls an expert is invited to, with the declaration state. */
export async function findMyInvitations(ctx: StepContext) {
  const actor = actorOf(ctx);
  const rows = await ctx.db
    .selectFrom('call_experts as ce')
    .innerJoin('calls', 'calls.id', 'ce.call_id')
    .select([
      'calls.id',
      'calls.code',
      'calls.title_nl',
      'calls.title_en',
      'calls.status',
      'ce.status as invitation_status',
      'ce.declaration_accepted_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('review_assignments as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.call_id', '=', 'calls.id')
        .where('a.expert_user_id', '=', actor.userId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('review_conflicts as rc')
                .select(sql`1`.as('one'))
                .whereRef('rc.proposal_id', '=', 'a.proposal_id')
                .where('rc.expert_user_id', '=', actor.userId)
                .where('rc.lifted_at', 'is', null),
            ),
          ),
        )
        .as('assigned'),
    )
    .where('ce.user_id', '=', actor.userId)
    .orderBy('calls.code')
    .execute();
  return rows.map((r) => ({
    callId: r.id,
    code: r.code,
    title: r.title_nl,
    titleEn: r.title_en,
    callStatus: r.status,
    invitationStatus: r.invitation_status,
    declarationAcceptedAt: r.declaration_accepted_at ? r.declaration_accepted_at.toISOString() : null,
    assigned: Number(r.assigned ?? 0),
  }));
}

/** The expert accepts (or declines) the call and its declaration; accepting makes assigned proposals visible. */
export async function answerInvitation(
  ctx: StepContext,
  options: { callId: string; accept: boolean; acceptDeclaration: boolean },
): Promise<void> {
  const actor = actorOf(ctx);
  const invitation = await ctx.db
    .selectFrom('call_experts')
    .selectAll()
    .where('call_id', '=', options.callId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!invitation) throw new AppError('NOT_FOUND');
  if (options.accept && !options.acceptDeclaration) throw new AppError('DECLARATION_NOT_ACCEPTED');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('call_experts')
      .set(
        options.accept
          ? {
              status: 'accepted',
              declaration_accepted_at: ctx.now(),
              declaration_version: DECLARATION_VERSION,
            }
          : { status: 'declined', declaration_accepted_at: null, declaration_version: null },
      )
      .where('call_id', '=', options.callId)
      .where('user_id', '=', actor.userId)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: options.accept ? 'review.declaration_accepted' : 'review.invitation_declined',
        entityType: 'call',
        entityId: options.callId,
        after: { version: DECLARATION_VERSION },
      },
      ctx.requestId,
    );
  });
}
