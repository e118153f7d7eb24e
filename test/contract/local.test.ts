// The adapter contract, run against the embedded IndexedDB adapter in Chromium.
import { runContractSuite } from '../../src/data/contract/index.js';
import { localHarness } from './local-harness.js';

runContractSuite(localHarness());
