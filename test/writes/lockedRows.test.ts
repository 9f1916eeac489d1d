import type { HttpRequest } from '@jsforce/jsforce-node';

import {
	writeInBatches,
	type CollectionsClient,
	type WriteOperation,
} from '../../nodes/shared/writes';

// Row-level answers the sandbox org does not produce on its own (a row locked inside a Collections
// call): a fake client answers each call from a script and records what was sent.

type Row = {
	id?: string;
	success: boolean;
	created?: boolean;
	errors: Array<{ statusCode: string; message: string; fields: string[] }>;
};
const ok = (id: string): Row => ({ id, success: true, errors: [] });
const fail = (statusCode: string): Row => ({
	success: false,
	errors: [{ statusCode, message: `${statusCode} happened`, fields: [] }],
});

function fakeClient(answer: (call: number, request: HttpRequest, ids: string[]) => Row[]) {
	const calls: Array<{ request: HttpRequest; ids: string[] }> = [];
	const client: CollectionsClient = {
		apiVersion: '64.0',
		conn: {
			request: async <R>(request: HttpRequest): Promise<R> => {
				const answerCall = (call: HttpRequest, records: Array<{ Id: string }>) => {
					const ids = records.map((r) => r.Id);
					calls.push({ request: call, ids });
					return answer(calls.length, call, ids);
				};
				const body =
					typeof request.body === 'string'
						? (JSON.parse(request.body) as {
								records?: Array<{ Id: string }>;
								compositeRequest?: Array<{
									method: HttpRequest['method'];
									url: string;
									body: { records: Array<{ Id: string }> };
								}>;
							})
						: {};
				// A Composite bundle: each Collections subrequest is answered (and recorded) as a call of its own.
				if (body.compositeRequest) {
					return {
						compositeResponse: body.compositeRequest.map((sub) => ({
							httpStatusCode: 200,
							body: answerCall({ method: sub.method, url: sub.url }, sub.body.records),
						})),
					} as R;
				}
				return answerCall(request, body.records ?? []) as R;
			},
		},
	};
	return { client, calls };
}

const records = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ itemIndex: i, fields: { Id: `id${i}`, Company: 'X' } }));
const write = (
	client: CollectionsClient,
	operation: WriteOperation,
	n: number,
	allOrNone = false,
) =>
	writeInBatches(
		client,
		{ operation, objectName: 'Lead', records: records(n), allOrNone },
		{ lockRetryDelayMs: 0 },
	);

describe('rows Salesforce found locked', () => {
	it('update: the locked rows of every batch go once more in one follow-up call', async () => {
		const { client, calls } = fakeClient((call, _req, ids) =>
			ids.map((id, i) => (call <= 2 && i % 100 === 7 ? fail('UNABLE_TO_LOCK_ROW') : ok(id))),
		);
		const results = await write(client, 'update', 300);
		expect(calls.map((c) => c.ids.length)).toEqual([200, 100, 3]);
		expect(calls[2].ids).toEqual(['id7', 'id107', 'id207']);
		expect(results.every((r) => r.success)).toBe(true);
		expect(results.map((r) => r.itemIndex)).toEqual(records(300).map((r) => r.itemIndex));
	});

	it('update: a row still locked after the follow-up call fails with UNABLE_TO_LOCK_ROW', async () => {
		const { client, calls } = fakeClient((_call, _req, ids) =>
			ids.map((id) => (id === 'id1' ? fail('UNABLE_TO_LOCK_ROW') : ok(id))),
		);
		const results = await write(client, 'update', 3);
		expect(calls).toHaveLength(2);
		expect(results[1]).toEqual({
			itemIndex: 1,
			success: false,
			errorCode: 'UNABLE_TO_LOCK_ROW',
			message: 'UNABLE_TO_LOCK_ROW happened',
			fields: [],
		});
	});

	it('create: a locked row is never sent again', async () => {
		const { client, calls } = fakeClient((_call, _req, ids) =>
			ids.map((_id, i) => (i === 0 ? fail('UNABLE_TO_LOCK_ROW') : ok(`new${i}`))),
		);
		const results = await write(client, 'create', 2);
		expect(calls).toHaveLength(1);
		expect(results.map((r) => r.success)).toEqual([false, true]);
	});

	it('all or none: a batch rolled back only for locks is sent again whole, and a failed batch halts the next ones', async () => {
		const { client, calls } = fakeClient((call, _req, ids) => {
			if (call === 1)
				return ids.map((_id, i) =>
					i === 0 ? fail('UNABLE_TO_LOCK_ROW') : fail('ALL_OR_NONE_OPERATION_ROLLED_BACK'),
				);
			if (call === 3)
				return ids.map((_id, i) =>
					i === 0 ? fail('INVALID_CROSS_REFERENCE_KEY') : fail('ALL_OR_NONE_OPERATION_ROLLED_BACK'),
				);
			return ids.map(ok);
		});
		const results = await write(client, 'upsert', 601, true);
		expect(calls.map((c) => c.ids.length)).toEqual([200, 200, 200]);
		expect(results.slice(0, 200).every((r) => r.success)).toBe(true);
		expect(results[200]).toMatchObject({
			success: false,
			errorCode: 'INVALID_CROSS_REFERENCE_KEY',
		});
		expect(results.slice(400).map((r) => (r.success ? 'ok' : r.errorCode))).toEqual(
			Array(201).fill('PROCESSING_HALTED'),
		);
	});

	it('delete: Ids go URL-encoded in the query string, with allOrNone', async () => {
		const { client, calls } = fakeClient(() => [ok('a'), ok('b')]);
		await writeInBatches(client, {
			operation: 'delete',
			objectName: 'Lead',
			records: [
				{ itemIndex: 0, fields: { Id: 'a' } },
				{ itemIndex: 1, fields: { id: 'b,c' } },
			],
			allOrNone: false,
		});
		expect(calls[0].request).toMatchObject({
			method: 'DELETE',
			url: '/services/data/v64.0/composite/sobjects?ids=a,b%2Cc&allOrNone=false',
		});
	});
});
