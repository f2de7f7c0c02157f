/**
 * An input problem a person can fix: it names the file, the record and the field,
 * so the message alone says where to look.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly record: string | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(
      [file, record && `record ${record}`, field && `field "${field}"`].filter(Boolean).join(', ') + `: ${problem}`,
    );
    this.name = 'DataError';
  }
}

/** Turns a zod error into one DataError per issue path, naming the record by the given key. */
export function zodIssuesToMessage(issues: { path: (string | number)[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
