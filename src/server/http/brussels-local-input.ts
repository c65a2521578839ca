import {
  BrusselsTimeError,
  brusselsLocalToInstant,
  instantToBrusselsLocal,
  instantToBrusselsLocalWithOffset,
  resolveBrusselsLocal,
} from '../../shared/brussels-time';
import { AppError, detail, type LocalisedText } from '../errors/app-error';

/**
 * A Brussels wall-clock time entered through the API ('YYYY-MM-DDTHH:mm', or with the offset
 * '+02:00' / '+01:00' to say which of the two autumn occurrences is meant) → the UTC instant.
 * A time in the spring gap answers LOCAL_TIME_DOES_NOT_EXIST; one in the autumn hour without an
 * offset answers LOCAL_TIME_AMBIGUOUS with both offsets; a wrong offset answers VALIDATION_FAILED.
 * The detail names the field (`path`) and, in its message, the label people know it by.
 */
export function instantFromBrusselsLocal(local: string, field: string, label?: LocalisedText): Date {
  const name = label ?? { nl: field, en: field };
  try {
    return brusselsLocalToInstant(local);
  } catch (error) {
    if (!(error instanceof BrusselsTimeError)) throw error;
    const context = { field, local, offsets: error.offsets };
    switch (error.problem) {
      case 'nonexistent':
        throw new AppError('LOCAL_TIME_DOES_NOT_EXIST', {
          details: [
            detail(
              field,
              'local_time_does_not_exist',
              `${name.nl}: ${local} bestaat niet in Brusselse tijd (de klok springt van 02:00 naar 03:00).`,
              `${name.en}: ${local} does not exist in Brussels time (clocks jump from 02:00 to 03:00).`,
            ),
          ],
          context,
        });
      case 'ambiguous':
        throw new AppError('LOCAL_TIME_AMBIGUOUS', {
          details: [
            detail(
              field,
              'local_time_ambiguous',
              `${name.nl}: ${local} komt twee keer voor in Brusselse tijd. Vermeld welke: ` +
                `${local}${error.offsets[0]} (zomertijd) of ${local}${error.offsets[1]} (wintertijd).`,
              `${name.en}: ${local} occurs twice in Brussels time. Say which: ` +
                `${local}${error.offsets[0]} (summer time) or ${local}${error.offsets[1]} (winter time).`,
            ),
          ],
          context,
        });
      case 'offset-mismatch':
      case 'malformed':
        throw new AppError('VALIDATION_FAILED', {
          details: [
            detail(
              field,
              'local_time_invalid',
              `${name.nl}: ${local} is geen tijdstip in Brusselse tijd` +
                (error.offsets.length ? ` (verschil met UTC toen: ${error.offsets.join(' of ')}).` : '.'),
              `${name.en}: ${local} is not a Brussels local time` +
                (error.offsets.length ? ` (offset from UTC then: ${error.offsets.join(' or ')}).` : '.'),
            ),
          ],
          context,
        });
    }
  }
}

/** `instantFromBrusselsLocal` for an optional field: null stays null. */
export function instantOrNullFromBrusselsLocal(
  local: string | null | undefined,
  field: string,
  label?: LocalisedText,
): Date | null {
  return local ? instantFromBrusselsLocal(local, field, label) : null;
}

/**
 * An instant as the Brussels wall-clock time the API answers with: 'YYYY-MM-DDTHH:mm', and with
 * the offset ('2026-10-25T02:30+01:00') when that wall-clock time occurs twice, so the answer
 * says which one it is and can be sent back unchanged.
 */
export function brusselsLocalForAnswer(instant: Date | string): string {
  const local = instantToBrusselsLocal(instant);
  if (resolveBrusselsLocal(local).kind !== 'ambiguous') return local;
  return instantToBrusselsLocalWithOffset(instant);
}
