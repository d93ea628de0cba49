/** Process exit codes (DESIGN.md): anything not listed here is a bug. */
export const ExitCode = {
  Ok: 0,
  /** Bad input or usage: one clear message. */
  BadInput: 1,
  /** `--check` found the output stale. */
  Stale: 2,
  /** An internal error (EX_SOFTWARE). */
  InternalError: 70,
} as const;
