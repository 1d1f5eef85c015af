/** A problem with the command line or the file system, as opposed to the content of a file: exit code 2, one line. */
export class UsageError extends Error {}
