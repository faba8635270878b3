import { AppError } from '../../platform/errors.js';

/** An announcement runs from its first day to its last; a last day before the first is refused naming the field. */
export function datesInOrder(fromDate: string, untilDate: string | null): void {
  if (untilDate !== null && untilDate < fromDate)
    throw new AppError('validation.failed', 'untilDate: before fromDate', {
      issues: [{ path: 'body.untilDate', message: 'untilDate: before fromDate' }],
    });
}
