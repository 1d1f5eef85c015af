/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as the language writes them.
 * The DATE terminal only checks the shape, so `2026-02-30` parses; this file
 * says whether such a date exists and how many days lie between two dates.
 */

const MONTH_NAMES = [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
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

export function isValidDate(text: string): boolean {
    return impossibleDateReason(text) === undefined;
}

function toEpochDay(text: string): number {
    const [year, month, day] = text.split('-').map(Number);
    return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be valid dates. */
export function daysBetween(from: string, to: string): number {
    return toEpochDay(to) - toEpochDay(from);
}
