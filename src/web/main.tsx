import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import './app/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Anchor,
  Badge,
  MantineProvider,
  createTheme,
  darken,
  DEFAULT_THEME,
  type MantineColorsTuple,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { router } from './app/router';

// A calm, government look: Flemish yellow accent is kept for highlights; primary actions in dark blue.
// WCAG 2.1 AA (4.5:1): text of light, subtle and outline variants (badges, buttons, alerts) in a
// dark shade of its colour instead of shade 6, which is too faint on its pale background.
const variantColorResolver: VariantColorsResolver = (input) => {
  const result = defaultVariantColorsResolver(input);
  if (!['light', 'subtle', 'outline', 'transparent'].includes(input.variant)) return result;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'dark') return result;
  const text = darken(input.theme.colors[parsed.color][9], 0.3);
  return { ...result, color: text, hoverColor: text };
};

// Shades 7–9 of every colour darkened so coloured text (c="red", "green.8") and filled controls
// keep 4.5:1 on white and on the grey of striped rows (Mantine's green.8 is 3.3:1, yellow.9 2.8:1).
const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark' && name !== 'gray')
    .map(([name, shades]) => {
      const tuple = [
        ...shades.slice(0, 7),
        darken(shades[9], 0.2),
        darken(shades[9], 0.3),
        darken(shades[9], 0.4),
      ];
      return [name, tuple as unknown as MantineColorsTuple];
    }),
);

const theme = createTheme({
  colors,
  primaryColor: 'indigo',
  // Shade 8 for links, text colours and filled controls (shade 6 fails 4.5:1 on white); text on
  // filled controls turns black or white by the background's luminance.
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.18,
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Links are told apart from text by more than colour (WCAG 1.4.1): always underlined.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A status badge shows its whole word ("ACTIEF", not "ACT…"): it never shrinks or clips.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible' },
      },
    }),
  },
});

// WCAG 2.1 AA: Mantine's dimmed text (gray 6, 3.3:1 on white) is too faint; gray 7 gives 7:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
