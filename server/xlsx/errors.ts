/** The reader's two failures: a limit passed (the server answers 413) and a file that is not a readable workbook (400). */

/** Raised when a limit is passed; the message says which, in Chinese. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

/** Raised for a file that cannot be read as a workbook; the message says where and why, in Chinese. */
export class BrokenFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokenFileError';
  }
}
