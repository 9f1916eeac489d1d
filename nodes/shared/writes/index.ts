export { MAX_RECORDS_PER_CALL } from './collectionsCall';
export { NOT_SENT, notSent, OUTCOME_UNKNOWN, wholeRequestOutcome } from './outcomes';
export type {
	CollectionsClient,
	WriteFailure,
	WriteOperation,
	WriteOptions,
	WriteRecord,
	WriteRequest,
	WriteResult,
	WriteSuccess,
} from './types';
export { refusedBeforeWriting } from './refusedBeforeWriting';
export { writeInBatches } from './writeInBatches';
export { openWriteLedger } from './writeLedger';
export { writeResultsToItems, type OutputOptions } from './writeOutput';
