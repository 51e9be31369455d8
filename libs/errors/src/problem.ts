import { AppError, isAppError } from './app-error';
import { errors } from './error-catalog';

/** RFC 9457 problem details, as every HTTP error of the platform is served. Never carries a stack. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export function toProblem(error: unknown, instance?: string): { problem: Problem; appError: AppError } {
  const appError = isAppError(error) ? error : errors.internal(error);
  const problem: Problem = {
    ...appError.extensions,
    type: `https://errors.labshare.dev/${appError.code}`,
    title: appError.title,
    status: appError.status,
    detail: appError.message,
    code: appError.code,
  };
  if (instance) problem.instance = instance;
  return { problem, appError };
}
