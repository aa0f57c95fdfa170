/** An error the user can act on: printed as one line, exit code 2, never a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** git itself failed or is missing. Also exit 2: a hook must fail closed, never pass silently. */
export class GitError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'GitError';
  }
}
