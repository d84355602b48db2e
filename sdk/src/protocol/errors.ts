/**
 * Service errors of Lambda's API: the names `@aws-sdk/client-lambda` maps to classes, the HTTP
 * status each travels with, and the member that carries the message.
 */
export const ServiceErrorStatus = {
  InvalidParameterValueException: 400,
  InvalidRequestContentException: 400,
  CallbackTimeoutException: 400,
  ResourceNotFoundException: 404,
  DurableExecutionAlreadyStartedException: 409,
  ResourceConflictException: 409,
  RequestTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  TooManyRequestsException: 429,
  ServiceException: 500,
} as const;
export type ServiceErrorName = keyof typeof ServiceErrorStatus;

/**
 * An error the durable service returns to its caller. The local service turns it into an
 * HTTP response `@aws-sdk/client-lambda` parses into the matching exception class.
 *
 * @example throw new ServiceError("ResourceNotFoundException", "Execution not found: arn:...")
 */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly code: ServiceErrorName,
    message: string,
  ) {
    super(message);
    this.name = code;
    this.status = ServiceErrorStatus[code];
  }
}

/** Message prefix the SDKs use to tell a stale token (retry the invocation) from other 4xx errors. */
export const INVALID_CHECKPOINT_TOKEN = "Invalid Checkpoint Token";
