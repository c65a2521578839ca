import { z } from 'zod';
import { CalendarDate, Instant } from '../../http/input-schemas';

export const CallIdParams = z.strictObject({ callId: z.uuid() });
export const ProposalIdParams = z.strictObject({ proposalId: z.uuid() });
export const ProposalAttachmentParams = z.strictObject({ proposalId: z.uuid(), attachmentId: z.uuid() });
/** `inline=true` shows a PDF in the page; other files are always downloads. */
export const AttachmentQuery = z.strictObject({ inline: z.enum(['true', 'false']).optional() });
/** The expert pool's search: part of a name, an e-mail address or a headline, accents and case aside. */
export const ExpertPoolQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
export const UserIdParams = z.strictObject({ userId: z.uuid() });
export const IdParams = z.strictObject({ id: z.uuid() });

const Text = (max: number) => z.string().trim().max(max);

export const SaveExpertBody = z.strictObject({
  headline: Text(200).default(''),
  keywords: z.array(Text(60)).max(30).default([]),
  languages: z
    .array(z.enum(['nl', 'en', 'fr', 'de']))
    .min(1)
    .max(4)
    .default(['nl']),
  maxLoad: z.number().int().min(0).max(100),
  minLoad: z.number().int().min(0).max(100).default(0),
  isAvailable: z.boolean().default(true),
  themeIds: z.array(z.uuid()).max(50).default([]),
  affiliations: z
    .array(
      z.strictObject({
        organisationId: z.uuid(),
        role: Text(120).default(''),
        validFrom: CalendarDate.nullable().default(null),
        validTo: CalendarDate.nullable().default(null),
      }),
    )
    .max(50)
    .default([]),
});

export const InviteBody = z.strictObject({
  userIds: z.array(z.uuid()).min(1).max(500),
  maxLoad: z.number().int().min(0).max(100).nullable().optional(),
});
export const InvitationAnswerBody = z.strictObject({ accept: z.boolean(), acceptDeclaration: z.boolean() });
export const ConflictBody = z.strictObject({
  proposalId: z.uuid(),
  expertUserId: z.uuid(),
  reason: Text(1000).min(5),
});
export const DeclareConflictBody = z.strictObject({ reason: Text(1000).min(5) });
export const LiftBody = z.strictObject({ motivation: Text(2000).min(10) });
export const AssignBody = z.strictObject({
  dryRun: z.boolean().default(false),
  acceptShortfall: z.boolean().default(false),
});
export const ManualAssignmentBody = z.strictObject({
  proposalId: z.uuid(),
  expertUserId: z.uuid(),
  isForced: z.boolean().default(false),
});
export const RapporteurBody = z.strictObject({ expertUserId: z.uuid().nullable() });
export const SaveReviewBody = z.strictObject({
  overallComment: Text(5000).default(''),
  scores: z
    .array(
      z.strictObject({
        criterionId: z.uuid(),
        score: z.number().nullable(),
        justification: Text(5000).default(''),
      }),
    )
    .max(30),
});
export const ConsensusBody = z.strictObject({
  minorityView: Text(5000).default(''),
  scores: z
    .array(z.strictObject({ criterionId: z.uuid(), score: z.number(), comment: Text(5000).default('') }))
    .max(30),
  agree: z.boolean().default(false),
});
export const RankingQuery = z.strictObject({
  budgetCents: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export const DecisionsBody = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        proposalId: z.uuid(),
        outcome: z.enum(['funded', 'reserve', 'rejected']),
        amountCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
        conditions: Text(5000).default(''),
        motivation: Text(5000).min(10),
      }),
    )
    .min(1)
    .max(500),
});
export const ObjectionBody = z.strictObject({ grounds: Text(10000).min(20) });
export const HandleObjectionBody = z.strictObject({
  status: z.enum(['upheld', 'dismissed']),
  motivation: Text(5000).min(10),
});
export const CallSettingsBody = z.strictObject({
  reviewDeadline: Instant.nullable(),
  showReviewerIdentities: z.boolean(),
  /** Days to object after a decision (1–365); null: the platform's setting; omitted: unchanged. */
  objectionDays: z.number().int().min(1).max(365).nullable().optional(),
});
