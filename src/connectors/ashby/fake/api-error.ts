/**
 * A business error: answered as HTTP 200 `{success:false, errors:[code], errorInfo:{code,message,requestId}}`
 * (§1.5). Endpoint handlers throw it; the request handler turns it into the envelope.
 */
export class AshbyApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AshbyApiError';
  }
}

export function notFound(objectName: string): AshbyApiError {
  const label = objectName.charAt(0).toUpperCase() + objectName.slice(1);
  return new AshbyApiError(`${objectName}_not_found`, `${label} not found`);
}

export function invalidInput(message: string): AshbyApiError {
  return new AshbyApiError('invalid_input', message);
}

export function errorEnvelope(code: string, message: string, requestId: string) {
  return { success: false as const, errors: [code], errorInfo: { code, message, requestId } };
}
