import type { INodeParameters } from 'n8n-workflow';

import { actionSuite } from './suite';

// The Case, Record and Object pickers (resource locators): the editor's search through n8n's
// listSearch, each mode through an operation, and the plain strings saved workflows hold.

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Case locator', () => {
	const s = actionSuite('case');
	const newCase = (subject: string | null) =>
		s.t.org.store.insert('Case', { Subject: subject, Status: 'New', Origin: 'Email' });
	const caseNumberOf = (id: string) => String(s.t.org.store.get(id)?.CaseNumber);
	const search = (filter?: string, paginationToken?: string, parameters: INodeParameters = {}) =>
		s.harness.listSearch({
			type: s.node,
			method: 'searchCases',
			parameters: {
				authentication: 'clientCredentials',
				resource: 'case',
				operation: 'close',
				...parameters,
			},
			credentials: s.credentials,
			filter,
			paginationToken,
		});
	const commentsOn = (id: string) =>
		s.t.org.store
			.rows('CaseComment')
			.filter((c) => c.ParentId === id)
			.map((c) => c.CommentBody);

	it('lists cases whose subject contains the text, 50 a page, by case number', async () => {
		const ids = Array.from({ length: 60 }, (_, i) => newCase(`Printer jam ${i}`));
		newCase('Billing question');
		const first = await search('PRINTER');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search('PRINTER', first.paginationToken);
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results];
		expect(all.map((r) => r.value)).toEqual(
			[...ids].sort((a, b) => caseNumberOf(a).localeCompare(caseNumberOf(b))),
		);
		expect(all[0]).toMatchObject({
			name: `${caseNumberOf(ids[0])}: Printer jam 0`,
			url: expect.stringMatching(new RegExp(`/lightning/r/Case/${ids[0]}/view$`)),
		});
	});

	it('finds a case by its number, and one without a subject', async () => {
		const id = newCase(null);
		const { results } = await search(caseNumberOf(id));
		expect(results).toEqual([expect.objectContaining({ name: caseNumberOf(id), value: id })]);
	});

	it("matches the user's text literally: quotes, % and _ reach SOQL escaped", async () => {
		const id = newCase("50% off for O'Brien_s order");
		newCase('50 units off');
		for (const text of ["50% off for O'Brien_s", "O'Brien", '% off']) {
			const { results } = await search(text);
			expect([text, results.map((r) => r.value)]).toEqual([text, [id]]);
		}
		const none = await search("x' OR Subject != '");
		expect(none.results).toEqual([]);
	});

	it('adds a comment to a case picked from the list, by URL, by ID, or from a plain string', async () => {
		const id = newCase('Many ways to name me');
		const host = 'https://acme.my.salesforce.com';
		const values: Array<[string, unknown]> = [
			['list', rl('list', id)],
			['Lightning URL', rl('url', `https://acme.lightning.force.com/lightning/r/Case/${id}/view`)],
			['Classic URL', rl('url', `${host}/${id}?srPos=0`)],
			['ID', rl('id', ` ${id} `)],
			['15-character ID', rl('id', id.slice(0, 15))],
			['plain Id (saved workflow)', id],
			[
				'plain URL (saved workflow)',
				`https://acme.lightning.force.com/lightning/r/Case/${id}/view`,
			],
			['expression', '={{ $json.caseUrl }}'],
		];
		for (const [how, caseId] of values) {
			const { items, error } = await s.run(
				{ operation: 'addComment', caseId, comment: how } as INodeParameters,
				[{ caseUrl: `${host}/lightning/r/Case/${id}/view` }],
			);
			expect([how, error?.message, items[0].json.success]).toEqual([how, undefined, true]);
		}
		expect(commentsOn(id)).toEqual(values.map(([how]) => how));
	});

	it('refuses an address that is not one of a record, naming the item and the field', async () => {
		const id = newCase('Bad addresses');
		const before = s.t.org.counters.apiCalls;
		const { items } = await s.run(
			{
				operation: 'addComment',
				caseId: '={{ $json.caseId }}',
				comment: 'x',
			},
			[
				{ caseId: `https://acme.lightning.force.com/lightning/r/Case/${id}/view` },
				{ caseId: 'https://acme.lightning.force.com/lightning/o/Case/list' },
			],
			true,
		);
		expect(items[0].json.success).toBe(true);
		expect(items[1].json).toMatchObject({
			error: expect.stringMatching(
				/^Case ID "https:\/\/acme\.lightning\.force\.com\/lightning\/o\/Case\/list" is not a Salesforce record Id: it is a web address, but not the address of one Salesforce record/,
			),
			input: { caseId: 'https://acme.lightning.force.com/lightning/o/Case/list' },
		});
		expect(s.t.org.counters.apiCalls - before).toBe(1);
	});

	it('a typed URL or ID of the wrong shape stops the workflow before it runs (n8n checks the mode)', async () => {
		await expect(
			s.run({ operation: 'getConversation', caseId: rl('url', 'https://example.com/tickets/42') }),
		).rejects.toThrow(/Not the address of a Salesforce record/);
		await expect(
			s.run({ operation: 'getConversation', caseId: rl('id', '500Sb00000XyZ12A') }),
		).rejects.toThrow(/A Salesforce ID has 15 or 18 letters and digits/);
	});

	it('refuses an expression giving a bad URL or ID in the locator, naming the item, before any call', async () => {
		const before = s.t.org.counters.apiCalls;
		const badUrl = await s.run(
			{ operation: 'getConversation', caseId: rl('url', '={{ $json.url }}') },
			[{ url: 'https://example.com/tickets/42' }, { url: 'https://example.com/tickets/43' }],
		);
		expect(badUrl.error?.message).toMatch(
			/^Case ID "https:\/\/example\.com\/tickets\/42" is not a Salesforce record Id: it is a web address/,
		);
		expect(badUrl.error?.description).toMatch(/^Item 0: /);
		const badId = await s.run(
			{ operation: 'getConversation', caseId: rl('id', '={{ $json.id }}') },
			[{ id: 'x' }, { id: '500Sb00000XyZ12A' }],
			true,
		);
		expect(badId.items.map((i) => i.json.error)).toEqual([
			'Case ID "x" is not a Salesforce record Id: it has 1 characters; a Salesforce Id has 15 or 18',
			'Case ID "500Sb00000XyZ12A" is not a Salesforce record Id: it has 16 characters; a Salesforce Id has 15 or 18',
		]);
		const notCase = await s.run(
			{
				operation: 'getConversation',
				caseId: rl(
					'url',
					'https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view',
				),
			},
			[{ x: 1 }],
			true,
		);
		expect(notCase.items[0].json.error).toMatch(/is not the Id of a case/);
		expect(s.t.org.counters.apiCalls - before).toBe(0);
	});
});

describe('Record and Object locators', () => {
	const s = actionSuite('record');
	const search = (
		method: string,
		parameters: INodeParameters,
		filter?: string,
		paginationToken?: string,
	) =>
		s.harness.listSearch({
			type: s.node,
			method,
			parameters: { authentication: 'clientCredentials', ...parameters },
			credentials: s.credentials,
			filter,
			paginationToken,
		});

	it("lists the chosen object's records by its name field, sorted by name", async () => {
		const ids = ['Acme West', 'Acme East', 'Globex', 'ACME North'].map((Name) =>
			s.t.org.store.insert('Account', { Name }),
		);
		const forRecord = await search(
			'searchRecords',
			{ resource: 'record', operation: 'get', objectName: rl('list', 'Account') },
			'acme',
		);
		expect(forRecord.results.map((r) => [r.name, r.value])).toEqual([
			['Acme East', ids[1]],
			['ACME North', ids[3]],
			['Acme West', ids[0]],
		]);
		// A saved workflow's plain object name, and the Account resource's own object.
		const plain = await search(
			'searchRecords',
			{ resource: 'record', operation: 'get', objectName: 'Account' },
			'globex',
		);
		const account = await search(
			'searchRecords',
			{ resource: 'account', operation: 'get' },
			'globex',
		);
		expect([plain.results, account.results]).toEqual([
			[expect.objectContaining({ name: 'Globex', value: ids[2] })],
			[expect.objectContaining({ name: 'Globex', value: ids[2] })],
		]);
	});

	it("lists a Contact resource's contacts by full name (Name)", async () => {
		const id = s.t.org.store.insert('Contact', { FirstName: 'Jane', LastName: 'Smithers' });
		s.t.org.store.insert('Contact', { FirstName: 'Joe', LastName: 'Bloggs' });
		const { results } = await search(
			'searchRecords',
			{ resource: 'contact', operation: 'delete' },
			'jane smi',
		);
		expect(results.map((r) => [r.name, r.value])).toEqual([['Jane Smithers', id]]);
	});

	it('searches Cases by number or subject as the Record resource too', async () => {
		const id = s.t.org.store.insert('Case', { Subject: 'Record search case', Status: 'New' });
		const { results } = await search(
			'searchRecords',
			{ resource: 'record', operation: 'get', objectName: rl('list', 'Case') },
			'record search',
		);
		expect(results.map((r) => r.value)).toEqual([id]);
	});

	it('lists no records before an object is chosen', async () => {
		const { results } = await search(
			'searchRecords',
			{ resource: 'record', operation: 'get' },
			'a',
		);
		expect(results).toEqual([]);
	});

	it('finds objects by label or API name', async () => {
		const { results } = await search(
			'searchObjects',
			{ resource: 'record', operation: 'get' },
			'ACCOU',
		);
		expect(results).toContainEqual({ name: 'Account (Account)', value: 'Account' });
		expect(results.every((r) => /accou/i.test(String(r.name)))).toBe(true);
	});

	it('gets a record with the Object and Record ID as locators, and as the plain strings of a saved workflow', async () => {
		const id = s.t.org.store.insert('Account', { Name: 'Located' });
		const runs = [
			{ objectName: rl('list', 'Account'), recordId: rl('list', id) },
			{
				objectName: rl('name', 'Account'),
				recordId: rl('url', `https://acme.lightning.force.com/lightning/r/Account/${id}/view`),
			},
			{ objectName: 'Account', recordId: id },
			{ objectName: 'Account', recordId: `https://acme.my.salesforce.com/${id}` },
		];
		for (const parameters of runs) {
			const { items, error } = await s.run({ operation: 'get', fields: ['Name'], ...parameters });
			expect([error?.message, items[0]?.json]).toEqual([undefined, { Id: id, Name: 'Located' }]);
		}
	});

	it('refuses a Record ID address that is not one of a record, naming the item', async () => {
		const { items } = await s.run(
			{
				operation: 'delete',
				objectName: rl('list', 'Account'),
				recordId: rl('url', '={{ $json.url }}'),
			},
			[{ url: 'https://acme.lightning.force.com/lightning/page/home' }],
			true,
		);
		expect(items[0].json).toMatchObject({
			error: expect.stringMatching(
				/^Record ID "https:\/\/acme\.lightning\.force\.com\/lightning\/page\/home" is not a Salesforce record Id: it is a web address/,
			),
			input: { url: 'https://acme.lightning.force.com/lightning/page/home' },
		});
	});
});
