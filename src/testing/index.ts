// reachout/testing: an in-memory provider, fixtures and the provider contract suite. Core only.
export { createMemoryProvider } from './createMemoryProvider';
export type {
  LatencyOption,
  MemoryProvider,
  MemoryProviderCall,
  MemoryProviderControl,
  MemoryProviderOptions,
  MemoryProviderState,
  VerificationResult,
} from './types';
export { generateContacts } from './generateContacts';
// The fixture arrays go through `fixtures` (`fixtures.contacts`, ...): one name for the world.
export { agents, chats, fixtures, senders, templatesByName, timeline } from './fixtures';
export type { Fixtures } from './fixtures';
export { describeProviderContract } from './contract/describeProviderContract';
export type {
  ContractSubject,
  ContractTestFunctions,
  ProviderContractOptions,
} from './contract/describeProviderContract';
export { contractFixtures } from './contract/contractFixtures';
export type { ContractWorld } from './contract/contractFixtures';
export { ContractAssertionError } from './contract/assertions';
