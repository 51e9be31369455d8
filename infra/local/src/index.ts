export {
  ensureJars,
  startKafka,
  startMongo,
  startLocalInfra,
  type KafkaServer,
  type LocalInfra,
  type LocalServer,
  type Log,
} from './local-infra';
export { provideInfrastructure, type Infrastructure } from './provide-infrastructure';
