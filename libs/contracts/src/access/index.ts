export * from './events';
export * from './usage';
export * from './qualifications';
export * from './passes';
export * from './sessions';
