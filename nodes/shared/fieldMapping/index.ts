export { FieldMappingError, type FieldMappingProblem } from './errors';
export { describeToMapperFields, type MapperFieldsOptions } from './mapperFields';
export {
	mappedValuesToRecord,
	type MappedRecordOptions,
	type SalesforceRecordBody,
} from './mappedRecord';
export type { MappingOperation } from './fieldRules';
export { isWellFormedId } from '../salesforceIds';
