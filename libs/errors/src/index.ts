export { AppError, isAppError, type FieldError, type AppErrorOptions } from './app-error';
export { errors } from './error-catalog';
export { toProblem, type Problem } from './problem';
