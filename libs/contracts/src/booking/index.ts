export * from './booking';
export * from './availability';
export * from './series';
export * from './waitlist';
export * from './events';
