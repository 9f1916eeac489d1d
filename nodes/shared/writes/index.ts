export { MAX_RECORDS_PER_CALL } from './collectionsCall';
export type { CollectionsClient, WriteFailure, WriteOperation, WriteOptions, WriteRecord, WriteRequest, WriteResult, WriteSuccess } from './types';
export { writeInBatches } from './writeInBatches';
export { writeResultsToItems, type OutputOptions } from './writeOutput';
