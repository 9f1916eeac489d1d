import type { FieldDescribe, FieldType } from './describe-types';
import { completeRecordedField, type FieldSpec } from './fields';

export type Recorded = { fields: Array<Partial<FieldDescribe> & { name: string; type: string }> };

/**
 * Fields of a recorded describe, completed, with the sandbox's corrections. The org the partial
 * describes were recorded in installed the Developer Edition sample fields under a namespace
 * (`lwrfileupload__Product__c`); a plain DE org has them as `Product__c`, so the prefix is dropped.
 */
export function recordedFields(
	recorded: Recorded,
	overrides: Record<string, Partial<FieldSpec>> = {},
): FieldDescribe[] {
	return recorded.fields.map((f) => {
		const name = f.name.replace(/^[A-Za-z0-9]+__(?=[A-Za-z0-9_]+__c$)/, '');
		return completeRecordedField({ ...f, name, type: f.type as FieldType }, overrides[name] ?? {});
	});
}
