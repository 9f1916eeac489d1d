import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DescribeSObjectResult } from '@jsforce/jsforce-node';

import {
	FieldMappingError,
	mappedValuesToRecord,
	type MappingOperation,
} from '../../nodes/shared/fieldMapping';
import type { MappingDescribe } from '../../nodes/shared/fieldMapping/fieldRules';
import { mappingDescribeOf, writeSchemaOf } from '../../nodes/shared/schema/writeSchema';
import { startTestOrg } from '../sandbox-org/testing';

// The describe kept across executions is a compact form of the real one: every check of the write
// path must answer the same with it as with the whole describe. Checked on describes recorded from
// real orgs and on the sandbox org's (with custom fields of every kind), for every field, with
// values of every kind.

const recorded = join(__dirname, '../sandbox-org/schema/recorded');
const describes = readdirSync(recorded)
	.filter((f) => f.startsWith('nango__describe') || f.startsWith('sfexpcloud__describe'))
	.map((f) => JSON.parse(readFileSync(join(recorded, f), 'utf8')) as DescribeSObjectResult)
	.filter((d) => Array.isArray(d.fields));

const samples: unknown[] = [
	'',
	'  ',
	'Some text',
	'x'.repeat(300),
	42,
	3.5,
	'17',
	true,
	'false',
	'2026-11-21',
	'2026-11-21T09:30:00Z',
	'13:30:00',
	'003000000000001AAA',
	'00Q000000000001',
	'not an id',
	null,
];

function outcome(describe: MappingDescribe, values: Record<string, unknown>, op: MappingOperation) {
	try {
		return { body: mappedValuesToRecord(describe, values, { operation: op, itemIndex: 3 }) };
	} catch (error) {
		if (!(error instanceof FieldMappingError)) throw error;
		return { problem: error.problem, field: error.fieldName, message: error.message };
	}
}

/** Compares the answers of the kept form and the whole describe for every field; returns how many. */
function compareAll(describe: DescribeSObjectResult): number {
	const kept = mappingDescribeOf(JSON.parse(JSON.stringify(writeSchemaOf(describe))));
	let compared = 0;
	for (const op of ['create', 'update', 'upsert'] as const) {
		for (const field of describe.fields) {
			const values: unknown[] = [
				...samples,
				...(field.picklistValues ?? []).flatMap((p: { value: string }) => [
					p.value,
					p.value.toLowerCase(),
				]),
				...(field.name === 'RecordTypeId'
					? (describe.recordTypeInfos ?? []).flatMap((r) => [
							r.name,
							(r as { developerName?: string }).developerName,
						])
					: []),
			];
			for (const value of values) {
				const item = { [field.name]: value };
				expect(outcome(kept, item, op)).toEqual(outcome(describe, item, op));
				compared++;
			}
		}
		// Nothing given (required fields), an unknown field, parents by external ID.
		for (const item of [{}, { Nope__c: 'x' }, { 'Account.Ext__c': 'A-1' }, { 'Who.Email': 'a@b' }])
			expect(outcome(kept, item, op)).toEqual(outcome(describe, item, op));
	}
	return compared;
}

const CUSTOM_FIELDS = [
	{ name: 'Ext__c', type: 'string', externalId: true, unique: true, length: 40 },
	{ name: 'Tier__c', type: 'picklist', picklist: ['Gold', 'Silver'], restrictedPicklist: true },
	{ name: 'Tags__c', type: 'multipicklist', picklist: ['A', 'B'] },
	{ name: 'Visits__c', type: 'double' },
	{ name: 'Seats__c', type: 'int' },
	{ name: 'Opted__c', type: 'boolean' },
	{ name: 'Visit__c', type: 'date' },
	{ name: 'Seen__c', type: 'datetime' },
	{ name: 'Note__c', type: 'textarea', length: 10 },
] as const;

describe('the kept form of a describe', () => {
	it('has recorded describes to check against', () => {
		expect(describes.map((d) => d.name)).toEqual(
			expect.arrayContaining(['Case', 'Contact', 'Lead', 'Task']),
		);
	});

	it.each(describes.map((d) => [d.name, d] as const))(
		'answers every check on %s (recorded from a real org) as the whole describe does',
		(_, describe) => {
			expect(compareAll(describe)).toBeGreaterThan(describe.fields.length * 3 * samples.length - 1);
		},
	);

	it("answers every check on the sandbox org's objects, with custom fields of every kind, as the whole describe does", async () => {
		const t = await startTestOrg();
		try {
			const objects = [
				'Account',
				'Contact',
				'Lead',
				'Case',
				'Task',
				'Opportunity',
				'CampaignMember',
			];
			for (const object of objects.slice(0, 4))
				for (const field of CUSTOM_FIELDS)
					t.org.schema.addCustomField(object, {
						...field,
						picklist: 'picklist' in field ? [...field.picklist] : undefined,
					});
			t.org.schema.get('Case')?.setRecordTypes([
				{ developerName: 'Support', name: 'Support case', id: '012000000000001AAA' },
				{ developerName: 'Billing', name: 'Billing case', id: '012000000000002AAA' },
			]);
			for (const object of objects) {
				const { body } = await t.api('GET', `/sobjects/${object}/describe`);
				expect(compareAll(body as DescribeSObjectResult)).toBeGreaterThan(100);
			}
		} finally {
			await t.close();
		}
	});

	it('is about a tenth of a whole describe', () => {
		// The "partial" recordings keep only some keys of each field: only whole describes count.
		const whole = describes.filter((d) => d.fields.every((f) => typeof f.createable === 'boolean'));
		expect(whole.length).toBeGreaterThan(0);
		for (const describe of whole) {
			const size = JSON.stringify(writeSchemaOf(describe)).length;
			expect(size).toBeLessThan(JSON.stringify(describe).length / 5);
		}
	});
});
