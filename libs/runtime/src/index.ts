export {
  startService,
  type ServiceDefinition,
  type ServiceParts,
  type ServiceDeps,
  type Repository,
  type ConsumerDefinition,
  type RunningService,
} from './start-service';
export { runUntilStopped, type RunOptions } from './run-until-stopped';
export { runAsMain } from './run-as-main';
