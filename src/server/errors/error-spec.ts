/** One entry of the error catalogue: the HTTP status and the message in both UI languages. */
export interface ErrorSpec {
  status: number;
  nl: string;
  en: string;
}

export type ErrorSpecs = Record<string, ErrorSpec>;
