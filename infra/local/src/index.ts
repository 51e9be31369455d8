export { ensureJars } from './jars';
export { startKafka, type KafkaServer } from './kafka-server';
export { startMongo } from './mongo-server';
export type { LocalServer } from './jvm-process';
export { startLocalInfra, type LocalInfra } from './local-infra';
export type { Log } from './log';
export { provideInfrastructure, type Infrastructure } from './provide-infrastructure';
export { backupDataDir, restoreDataDir } from './backup';
export { isAlive } from './data-dir-lock';
