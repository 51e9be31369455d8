export { Authenticator, type AuthOptions } from './authenticator';
export {
  keysFromJwks,
  newPassKeyPem,
  passSigningKey,
  pemBlocks,
  signPass,
  verifyPass,
  type PassAlgorithm,
  type PassSigningKey,
  type PassVerification,
  type PassVerifyingKey,
} from './pass-tokens';
