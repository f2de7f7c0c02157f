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
    super([file, record && `record ${record}`, field && `field "${field}"`].filter(Boolean).join(', ') + `: ${problem}`);
    this.name = 'DataError';
  }
}
