/** Reading SDK errors: their code and message, without `any`. */
interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
}

export function errorCode(e: unknown): string {
  const err = e as SdkError;
  return err?.Code ?? err?.name ?? "Error";
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** `Code: message`, for reports and failure lines. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  const message = errorMessage(e);
  return message && message !== code ? `${code}: ${message}` : code;
}

export function hasCode(e: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(e));
}
