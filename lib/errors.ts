/**
 * The one error type (conventions: One error type). `code` is stable for code and tests, `status` is the HTTP
 * status, `messageKey` names a message in the `errors` catalog namespace that is safe to show.
 * Anything that is not an AppError is logged and shown as the generic message.
 */
export const APP_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** The action needs a recent re-authentication (step-up, ASVS 7.5.1). */
  STEP_UP_REQUIRED: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly messageKey: string;

  constructor(code: AppErrorCode, options: { messageKey?: string; cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.messageKey = options.messageKey ?? code;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
