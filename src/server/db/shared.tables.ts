import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, InstantDefault } from './core.tables';

export type ThemeKind = 'strategic_theme' | 'transition' | 'technology_domain' | 'sector';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large' | 'unknown';

export interface ThemesTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: ThemeKind;
  code: string;
  label_nl: string;
  label_en: string;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
}

export interface ClusterThemesTable {
  cluster_id: string;
  theme_id: string;
}

/** Money columns are bigint cents: they arrive as JS numbers (int8 parser), exact up to 2^53 cents. */
export interface ProjectsTable {
  id: Generated<string>;
  code: string;
  title: string;
  kind: 'cluster_project' | 'inter_cluster_project';
  status: Generated<'planned' | 'running' | 'completed' | 'stopped'>;
  lead_cluster_id: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  total_budget_cents: Generated<number>;
  aid_cents: Generated<number>;
  is_bottom_up: Generated<boolean>;
  source_proposal_id: string | null;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
  /** Added by the funding migration (1400): the call it came from (no FK), its state-aid regime. */
  call_id: string | null;
  aid_regime: Generated<'de_minimis' | 'block_exemption' | 'other'>;
  aid_legal_basis: Generated<string>;
}

export interface ProjectClustersTable {
  project_id: string;
  cluster_id: string;
}

export interface ProjectParticipantsTable {
  project_id: string;
  organisation_id: string;
  role: Generated<string>;
  budget_cents: Generated<number>;
  aid_cents: Generated<number>;
}

export interface ProjectThemesTable {
  project_id: string;
  theme_id: string;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  body_nl: Generated<string>;
  body_en: Generated<string>;
  link: string | null;
  created_at: InstantDefault;
  read_at: Date | string | null;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  notification_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  /** The message kind, language, parameters (JSON) and path; null on rows from before templates. */
  kind: string | null;
  locale: 'nl' | 'en' | null;
  params: ColumnType<unknown, string | null | undefined, string | null>;
  link: string | null;
  /** The HTML part as sent. */
  body_html: string | null;
  created_at: InstantDefault;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | string | null;
  locked_until: Date | string | null;
}

export interface StoredFilesTable {
  id: Generated<string>;
  purpose: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: InstantDefault;
}

/** Revision counters raised by triggers when portfolio data changes (analytics caches key on them). */
export interface DataRevisionsTable {
  name: string;
  revision: string | number;
  changed_at: Date;
}

export interface SharedTables {
  data_revisions: DataRevisionsTable;
  themes: ThemesTable;
  cluster_themes: ClusterThemesTable;
  projects: ProjectsTable;
  project_clusters: ProjectClustersTable;
  project_participants: ProjectParticipantsTable;
  project_themes: ProjectThemesTable;
  notifications: NotificationsTable;
  outbox_emails: OutboxEmailsTable;
  stored_files: StoredFilesTable;
}
