import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/web/app/api-client';
import { describeField, detailMessage, fieldErrors } from '../../../src/web/shared/field-errors';

describe('form errors in words', () => {
  it('names a field of a list entry with its 1-based number, in the reader language', () => {
    expect(describeField('body.consortium.2.enterpriseNumber', 'nl')).toBe(
      'Ondernemingsnummer van partner 3',
    );
    expect(describeField('body.consortium.2.enterpriseNumber', 'en')).toBe('Enterprise number of partner 3');
    expect(describeField('body.budgetLines.0.costCents', 'nl')).toBe('Kosten van budgetlijn 1');
    expect(describeField('body.title', 'nl')).toBe('Titel');
  });

  it('uses the words the form knows for criterion and question codes', () => {
    expect(describeField('scores.excellence.justification', 'nl', { excellence: 'Excellentie' })).toBe(
      'Motivering bij Excellentie',
    );
    expect(describeField('body.scores.0.score', 'en', { 'scores.0': 'Excellence' })).toBe(
      'Score for Excellence',
    );
    expect(describeField('body.answers.has_pilot', 'nl', { has_pilot: 'Loopt er een piloot?' })).toBe(
      'Loopt er een piloot?',
    );
  });

  it('never shows a JSON path: unknown names become words', () => {
    const text = describeField('body.overallThreshold', 'nl');
    expect(text).toBe('Overall threshold');
    expect(text).not.toMatch(/[.]|body/);
  });

  it('maps details to fields and words a generic enterprise-number message', () => {
    const error = new ApiError(
      400,
      'VALIDATION_FAILED',
      { nl: 'Ongeldige invoer', en: 'Invalid input' },
      [
        {
          path: 'body.consortium.2.enterpriseNumber',
          code: 'too_small',
          message: { nl: 'Te klein of te kort', en: 'Too small or too short' },
        },
      ],
      undefined,
    );
    expect(fieldErrors(error, 'nl')).toEqual({ 'consortium.2.enterpriseNumber': '10 cijfers' });
    expect(detailMessage(error.details[0], 'en')).toBe('10 digits');
    expect(fieldErrors(new Error('x'), 'nl')).toEqual({});
  });
});
