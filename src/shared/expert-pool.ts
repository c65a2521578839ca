/**
 * An expert of the pool as the API carries it (`GET /api/review/experts`, `/api/review/my/profile`):
 * the server's experts module builds it, the web's expert pages show it.
 */
export interface ExpertPoolEntry {
  userId: string;
  name: string;
  email: string;
  headline: string;
  keywords: string[];
  languages: string[];
  maxLoad: number;
  minLoad: number;
  isAvailable: boolean;
  themeIds: string[];
  affiliations: {
    organisationId: string;
    organisationName: string;
    role: string;
    validFrom: string | null;
    validTo: string | null;
  }[];
}
