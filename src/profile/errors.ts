/** A file that is not a usable profile. The message names the file and the problem. */
export class ProfileInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ProfileInputError';
  }
}
