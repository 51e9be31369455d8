export * from './booking';
export * from './availability';
export * from './events';
