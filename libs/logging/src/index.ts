export { createLogger, type Logger } from './logger';
export { correlation, CORRELATION_HEADER } from './correlation';
