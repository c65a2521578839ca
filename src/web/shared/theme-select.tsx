import { useTranslation } from 'react-i18next';
import {
  ServerMultiSelect,
  ServerSelect,
  useChosenById,
  useServerChoices,
  type ServerMultiSelectProps,
  type ServerSelectProps,
} from './server-choices';
import { pickText } from '../app/language';

export type ThemeKind = 'strategic_theme' | 'transition' | 'technology_domain' | 'sector';

export interface ThemeOption {
  id: string;
  parentId: string | null;
  kind: ThemeKind;
  code: string;
  labelNl: string;
  labelEn: string;
  isExample: boolean;
}

const PATH = '/api/themes';
const KEY = ['themes'];

/** A theme's label in the reader's language. */
export function themeLabel(theme: { labelNl: string; labelEn: string }, language: string): string {
  return pickText(language, theme.labelNl, theme.labelEn);
}

/** The given themes (one request, at most 100 ids), e.g. those a form has chosen. */
export function useThemesById(ids: readonly string[]) {
  return useChosenById<ThemeOption>(KEY, PATH, ids);
}

interface ChoiceOptions {
  kind?: ThemeKind;
  /** Leave out themes of this kind (the portfolio's theme filter, next to its transition filter). */
  exceptKind?: ThemeKind;
  /** How an option reads; the label in the reader's language by default. */
  describe?: (theme: ThemeOption) => string;
}

/**
 * The options of a theme picker: the themes whose code or label matches what the person typed
 * (searched on the server, accents aside) after those already chosen, so their labels stay.
 */
function useThemeChoices(chosen: string | null | readonly string[], options: ChoiceOptions) {
  const { i18n } = useTranslation();
  const describe = options.describe ?? ((theme: ThemeOption) => themeLabel(theme, i18n.language));
  return useServerChoices<ThemeOption>({
    path: PATH,
    queryKey: KEY,
    params: { kind: options.kind },
    chosen,
    toOption: (theme) => ({ value: theme.id, label: describe(theme) }),
    offer: (theme) => theme.kind !== options.exceptKind,
    byIds: true,
  });
}

/** Picks one theme by searching on the server. */
export function ThemeSelect({ kind, exceptKind, describe, ...props }: ServerSelectProps & ChoiceOptions) {
  const choices = useThemeChoices(props.value, { kind, exceptKind, describe });
  return <ServerSelect {...props} choices={choices} />;
}

/** Picks themes by searching on the server; the chosen ones keep their labels. */
export function ThemeMultiSelect({
  kind,
  exceptKind,
  describe,
  ...props
}: ServerMultiSelectProps & ChoiceOptions) {
  const choices = useThemeChoices(props.value, { kind, exceptKind, describe });
  return <ServerMultiSelect {...props} choices={choices} />;
}
