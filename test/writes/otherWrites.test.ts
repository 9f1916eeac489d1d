import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { PlannedFault } from '../sandbox-org/core/observe';
import { actionSuite } from '../action/suite';

// Case > Close, Case > Add Comment, Task > Create, Task > Complete and Record > Delete under bad
// input and faults, through n8n's engine: every item checked before the first write, n8n's Retry
// On Fail never creating twice nor sending again what an earlier try wrote.

type Settings = Partial<
	Pick<INode, 'continueOnFail' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>
>;
const RETRY: Settings = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const autoMap = { mappingMode: 'autoMapInputData', value: null };
/** The session ends after the first Composite request and is renewed at the next try. */
const SESSION_ENDS_AFTER_FIRST_BATCH: PlannedFault = {
	kind: 'SESSION_END',
	method: 'POST',
	path: '/composite',
	skip: 1,
	tokenFailures: 1,
};

describe('the other writes of the action node: checked first, exactly once', () => {
	const s = actionSuite('case');
	let tag = 0;
	const run = async (
		resource: string,
		parameters: INodeParameters,
		input: IDataObject[],
		settings: Settings = {},
		plan: PlannedFault[] = [],
	) => {
		s.t.org.faults.plan = plan.map((f) => ({ ...f }));
		const result = await s.harness.execute({
			type: s.node,
			parameters: { authentication: 'clientCredentials', resource, ...parameters },
			credentials: s.credentials,
			input: input.map((json) => ({ json })),
			settings,
		});
		return { ...result, items: result.output?.[0] ?? [] };
	};
	afterEach(() => {
		s.t.org.faults.plan = [];
		s.t.org.faults.tokenUnavailable = 0;
		s.t.org.apiUsageOffset = 0;
	});
	const newCases = (n: number) => {
		const subject = `Case run ${++tag}`;
		return Array.from({ length: n }, () =>
			s.t.org.store.insert('Case', { Subject: subject, Status: 'New', Origin: 'Email' }),
		);
	};
	const newTasks = (n: number) => {
		const subject = `Task run ${++tag}`;
		return Array.from({ length: n }, () =>
			s.t.org.store.insert('Task', { Subject: subject, Status: 'Not Started' }),
		);
	};
	const commentsOn = (ids: string[]) => {
		const wanted = new Set(ids);
		return s.t.org.store.rows('CaseComment').filter((r) => wanted.has(String(r.ParentId)));
	};
	/** Composite requests Salesforce applied since `from` (each up to 1,000 records). */
	const compositesApplied = (from: number) =>
		s.t.org.counters.log
			.slice(from)
			.filter((e) => e.method === 'POST' && e.path.endsWith('/composite') && e.status === 200)
			.length;

	describe('one refused item stops the node before any write, naming the item and the field', () => {
		it('Add Comment to 300 cases, item 150 with an invalid Case ID: no comment is created', async () => {
			const ids = newCases(300);
			const input = ids.map(
				(caseId, i): IDataObject => ({ caseId: i === 150 ? '500-bad' : caseId }),
			);
			const { error, thrown } = await run(
				'case',
				{ operation: 'addComment', caseId: '={{ $json.caseId }}', comment: 'Checked first' },
				input,
			);
			expect(commentsOn(ids)).toHaveLength(0);
			expect(error?.message).toMatch(
				/^Nothing was written: item 150, field ParentId: Case ID "500-bad"/,
			);
			expect(thrown).toMatchObject({ context: { itemIndex: 150, fields: ['ParentId'] } });
		});

		it('Add Comment, item 150 with an empty Case ID and Retry On Fail: still no comment', async () => {
			const ids = newCases(300);
			const input = ids.map((caseId, i): IDataObject => ({ caseId: i === 150 ? '' : caseId }));
			const { error } = await run(
				'case',
				{ operation: 'addComment', caseId: '={{ $json.caseId }}', comment: 'Checked first' },
				input,
				RETRY,
			);
			expect(error?.message).toMatch(/item 150, field ParentId/);
			expect(commentsOn(ids)).toHaveLength(0);
		});

		it('Close 300 cases, item 150 with a status that does not close a case: no case is closed', async () => {
			const ids = newCases(300);
			const input = ids.map(
				(caseId, i): IDataObject => ({
					caseId,
					status: i === 150 ? 'Working' : 'Closed',
				}),
			);
			const { error } = await run(
				'case',
				{ operation: 'close', caseId: '={{ $json.caseId }}', status: '={{ $json.status }}' },
				input,
			);
			expect(error?.message).toMatch(
				/^Nothing was written: item 150, field Status: Status "Working"/,
			);
			expect(ids.filter((id) => s.t.org.store.get(id)?.Status !== 'New')).toHaveLength(0);
		});

		it('Complete 300 tasks, item 150 with a case Id: no task is completed', async () => {
			const ids = newTasks(300);
			const [caseId] = newCases(1);
			const input = ids.map((id, i): IDataObject => ({ id: i === 150 ? caseId : id }));
			const { error } = await run(
				'task',
				{ operation: 'complete', recordId: '={{ $json.id }}' },
				input,
			);
			expect(error?.message).toMatch(/^Nothing was written: item 150, field Id: Task ID/);
			expect(ids.filter((id) => s.t.org.store.get(id)?.Status !== 'Not Started')).toHaveLength(0);
		});

		it('Create 300 tasks, item 150 about a case (WhoId): no task is created', async () => {
			const subject = `Task create ${++tag}`;
			const [caseId] = newCases(1);
			const input = Array.from(
				{ length: 300 },
				(_, i): IDataObject =>
					i === 150 ? { Subject: subject, WhoId: caseId } : { Subject: subject },
			);
			const { error } = await run('task', { operation: 'create', columns: autoMap }, input);
			expect(error?.message).toMatch(/^Nothing was written: item 150, field WhoId: /);
			expect(s.t.org.store.rows('Task').filter((r) => r.Subject === subject)).toHaveLength(0);
		});

		it('Delete 300 records, item 150 with two Ids: nothing is deleted', async () => {
			const ids = newTasks(300);
			const input = ids.map(
				(id, i): IDataObject => ({ id: i === 150 ? `${ids[0]},${ids[1]}` : id }),
			);
			const { error } = await run(
				'record',
				{ operation: 'delete', objectName: 'Task', recordId: '={{ $json.id }}' },
				input,
			);
			expect(error?.message).toMatch(/^Nothing was written: item 150, field Id: Record ID/);
			expect(ids.filter((id) => s.t.org.store.get(id) === undefined)).toHaveLength(0);
		});
	});

	describe('Retry On Fail never creates twice and does not send again what was written', () => {
		it('Task Create of 2,000 with the session ending after the first batch: every task exactly once, each item with its Id', async () => {
			const subject = `Task retry ${++tag}`;
			const input = Array.from(
				{ length: 2000 },
				(_, i): IDataObject => ({
					Subject: subject,
					Description: `task ${i}`,
				}),
			);
			const { items, error } = await run(
				'task',
				{ operation: 'create', columns: autoMap },
				input,
				RETRY,
				[SESSION_ENDS_AFTER_FIRST_BATCH],
			);
			expect(error).toBeUndefined();
			const written = s.t.org.store.rows('Task').filter((r) => r.Subject === subject);
			expect(written).toHaveLength(2000);
			expect(new Set(written.map((r) => r.Description)).size).toBe(2000);
			expect(items.map((i) => i.json.id)).toEqual(
				input.map((task) => written.find((r) => r.Description === task.Description)?.Id),
			);
		});

		it('Add Comment to 450 cases whose answer is lost after they were applied: Retry On Fail does not add them again', async () => {
			const ids = newCases(450);
			const { error } = await run(
				'case',
				{ operation: 'addComment', caseId: '={{ $json.caseId }}', comment: 'Once' },
				ids.map((caseId) => ({ caseId })),
				RETRY,
				[{ kind: 'RESET', method: 'POST', path: '/composite' }],
			);
			expect(error?.context?.unknownItems).toHaveLength(450);
			expect(commentsOn(ids)).toHaveLength(450);
		});

		it('Add Comment to 2,000 cases with the session ending after the first batch: every comment exactly once', async () => {
			const ids = newCases(2000);
			const { items, error } = await run(
				'case',
				{ operation: 'addComment', caseId: '={{ $json.caseId }}', comment: 'Once' },
				ids.map((caseId) => ({ caseId })),
				RETRY,
				[SESSION_ENDS_AFTER_FIRST_BATCH],
			);
			expect(error).toBeUndefined();
			const comments = commentsOn(ids);
			expect(comments).toHaveLength(2000);
			expect(new Set(comments.map((c) => c.ParentId)).size).toBe(2000);
			expect(new Set(items.map((i) => i.json.id))).toEqual(new Set(comments.map((c) => c.Id)));
		});

		it.each([
			['Case > Close', 'case', { operation: 'close', caseId: '={{ $json.id }}', status: 'Closed' }],
			['Task > Complete', 'task', { operation: 'complete', recordId: '={{ $json.id }}' }],
			[
				'Record > Delete',
				'record',
				{ operation: 'delete', objectName: 'Case', recordId: '={{ $json.id }}' },
			],
		] as Array<[string, string, INodeParameters]>)(
			'%s of 2,000 with the session ending after the first batch: the retry reports the first 1,000 and sends only the rest',
			async (_, resource, parameters) => {
				const ids = resource === 'task' ? newTasks(2000) : newCases(2000);
				const from = s.t.org.counters.log.length;
				const { items, error } = await run(
					resource,
					parameters,
					ids.map((id) => ({ id })),
					RETRY,
					[SESSION_ENDS_AFTER_FIRST_BATCH],
				);
				expect(error).toBeUndefined();
				expect(items.map((i) => i.json.id)).toEqual(ids);
				expect(items.every((i) => i.json.success === true)).toBe(true);
				// The first try wrote 1,000 before the session ended; the retry sends only the other 1,000.
				expect(compositesApplied(from)).toBe(2);
			},
		);
	});
});
