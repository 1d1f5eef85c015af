/**
 * Why an ISO date (YYYY-MM-DD) is not a day of the calendar. The DATE terminal
 * only checks the shape, so `2026-02-30` parses; the validator explains it.
 * Validity and day arithmetic live in src/model/dates.ts.
 */

const MONTH_NAMES = [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
    const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Why `text` is not a date of the calendar, or undefined when it is one. */
export function impossibleDateReason(text: string): string | undefined {
    const match = ISO_DATE.exec(text);
    if (!match) {
        return 'expected a date written YYYY-MM-DD';
    }
    const [year, month, day] = match.slice(1).map(Number);
    if (month < 1 || month > 12) {
        return 'the month must be from 01 to 12';
    }
    const lastDay = daysInMonth(year, month);
    if (day < 1 || day > lastDay) {
        return `${MONTH_NAMES[month - 1]} ${year} has days 01 to ${lastDay}`;
    }
    return undefined;
}
