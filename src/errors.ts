/** An error the user can act on: printed as one line, exit code 2, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
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

const IO_CODES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the file is busy',
  EPIPE: 'the output was closed',
  EIO: 'input/output error',
};

const VERBS: Record<string, string> = {
  open: 'cannot open',
  write: 'cannot write',
  read: 'cannot read',
  scandir: 'cannot read the folder',
  opendir: 'cannot read the folder',
  mkdir: 'cannot create the folder',
  rename: 'cannot rename',
  unlink: 'cannot remove',
  stat: 'cannot access',
  lstat: 'cannot access',
  copyfile: 'cannot copy',
  chmod: 'cannot change the mode of',
  symlink: 'cannot link',
  readlink: 'cannot read the link',
};

/**
 * A file-system error (the user's path, permissions, a full disk) is the user's to fix, not a bug:
 * it becomes a one-line UserError. Anything else is returned as it is.
 */
export function asUserError(e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof UserError || !err || typeof err.code !== 'string' || !(err.code in IO_CODES)) return e;
  const what = err.path ? ` ${err.path}` : '';
  const verb = VERBS[err.syscall ?? ''] ?? 'cannot access';
  return new UserError(`${verb}${what}: ${IO_CODES[err.code]}`);
}
