import { describe, expect, it } from 'vitest';
import { languageOf, pickText } from '../../../src/web/app/language';

describe('the reader’s language in the web app', () => {
  it('is English only when English is chosen, Dutch otherwise', () => {
    expect(languageOf('en')).toBe('en');
    expect(languageOf('nl')).toBe('nl');
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('fr')).toBe('nl');
  });

  it('picks the text of a Dutch/English pair, English falling back to Dutch where it is missing', () => {
    expect(pickText('en', 'Thema', 'Theme')).toBe('Theme');
    expect(pickText('nl', 'Thema', 'Theme')).toBe('Thema');
    expect(pickText('en', 'Oproep', null)).toBe('Oproep');
    expect(pickText('en', 'Oproep', '')).toBe('Oproep');
    expect(pickText('nl', 'Oproep', undefined)).toBe('Oproep');
  });
});
