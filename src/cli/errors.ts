/** A wrong flag value or missing input: exit code 2. */
export class UsageError extends Error {}
