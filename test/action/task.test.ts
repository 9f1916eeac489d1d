import { actionSuite } from './suite';

// The action node's Task resource, and owner by email, as n8n runs them against the sandbox org.

describe('Salesforce Service Cloud node: Task', () => {
	const s = actionSuite('task');
	const { run } = s;
	let leadId: string;
	let contactId: string;
	let caseId: string;
	let agentId: string;
	let fallbackId: string;
	beforeAll(async () => {
		leadId = s.t.org.store.insert('Lead', { LastName: 'Visitor', Company: 'Chat' });
		contactId = s.t.org.store.insert('Contact', { LastName: 'Customer' });
		caseId = s.t.org.store.insert('Case', { Subject: 'Chat', Status: 'New' });
		agentId = s.t.org.addUser({
			firstName: 'Ada',
			lastName: 'Agent',
			email: 'Ada.Agent@support.example',
		});
		fallbackId = s.t.org.addUser({
			firstName: 'Fal',
			lastName: 'Back',
			email: 'fallback@support.example',
		});
		s.t.org.addUser({
			firstName: 'Gone',
			lastName: 'Agent',
			email: 'gone@support.example',
			active: false,
		});
	});

	const autoMap = { mappingMode: 'autoMapInputData', value: null };
	const userQueries = (from: number) =>
		s.t.org.counters.log
			.slice(from)
			.filter((e) => e.path.includes('/query') && decodeURIComponent(e.path).includes('FROM User'))
			.length;

	it('creates tasks about a Contact and a Case, and refuses a Lead with a WhatId before the call, naming both fields', async () => {
		const input = [
			{ Subject: 'Chat with customer', WhoId: contactId, WhatId: caseId },
			{ Subject: 'Chat with visitor', WhoId: leadId, WhatId: caseId },
			{ Subject: 'Follow up visitor', WhoId: leadId },
			{ Subject: 'Wrong way round', WhatId: contactId },
			{ Subject: 'Not a person', WhoId: caseId },
		];
		const before = s.t.org.counters.apiCallsByKind.collections;
		const { items } = await run({ operation: 'create', columns: autoMap }, input, true);
		expect(s.t.org.counters.apiCallsByKind.collections - before).toBe(1);
		expect(items.map((i) => i.json.success ?? false)).toEqual([true, false, true, false, false]);
		expect(items[1].json).toMatchObject({
			errorCode: 'FIELD_INTEGRITY_EXCEPTION',
			fields: ['WhoId', 'WhatId'],
			input: input[1],
		});
		expect(String(items[1].json.error)).toMatch(/WhoId[\s\S]*Lead[\s\S]*WhatId/);
		expect(items[3].json.fields).toEqual(['WhatId']);
		expect(items[4].json.fields).toEqual(['WhoId']);
		expect(s.t.org.store.get(String(items[0].json.id))).toMatchObject({
			WhoId: contactId,
			WhatId: caseId,
			Subject: 'Chat with customer',
		});
		expect(s.t.org.store.get(String(items[2].json.id))).toMatchObject({
			WhoId: leadId,
			WhatId: null,
		});
	});

	it('gets a task, gets many, and updates one', async () => {
		const id = s.t.org.store.insert('Task', {
			Subject: 'Get me',
			Status: 'Not Started',
			Priority: 'Normal',
		});
		await run({
			operation: 'update',
			columns: { mappingMode: 'defineBelow', value: { Id: id, Priority: 'High' } },
		});
		const got = await run({ operation: 'get', recordId: id, fields: ['Subject', 'Priority'] });
		expect(got.items[0].json).toMatchObject({ Id: id, Subject: 'Get me', Priority: 'High' });
		const many = await run({
			operation: 'getMany',
			fields: ['Subject'],
			conditions: { condition: [{ field: 'Subject', operator: 'equals', value: 'Get me' }] },
		});
		expect(many.items.map((i) => i.json.Subject)).toEqual(['Get me']);
	});

	it('completes tasks in one call: Status Completed and IsClosed set, a malformed ID failing on its own', async () => {
		const ids = [1, 2, 3].map((i) =>
			s.t.org.store.insert('Task', {
				Subject: `Open ${i}`,
				Status: 'Not Started',
				Priority: 'Normal',
			}),
		);
		const before = s.t.org.counters.apiCallsByKind.collections;
		const { items } = await run(
			{ operation: 'complete', recordId: '={{ $json.id }}' },
			[...ids.map((id) => ({ id })), { id: caseId }],
			true,
		);
		expect(s.t.org.counters.apiCallsByKind.collections - before).toBe(1);
		expect(items.map((i) => i.json.success ?? false)).toEqual([true, true, true, false]);
		expect(items[3].json.errorCode).toBe('MALFORMED_ID');
		for (const id of ids)
			expect(s.t.org.store.get(id)).toMatchObject({ Status: 'Completed', IsClosed: true });
	});

	it('owns tasks by agent email in one User query: a known agent (any case), the default owner for an unknown, inactive or quoted one', async () => {
		const input = [
			{ Subject: 'Known', agent: 'ada.agent@SUPPORT.example' },
			{ Subject: 'Unknown', agent: 'nobody@support.example' },
			{ Subject: 'Inactive', agent: 'gone@support.example' },
			{ Subject: 'Known again', agent: 'Ada.Agent@support.example' },
			{ Subject: 'Quoted', agent: "o'brien@support.example" },
		];
		const from = s.t.org.counters.log.length;
		const columns = { mappingMode: 'defineBelow', value: { Subject: '={{ $json.Subject }}' } };
		const { items, error } = await run(
			{
				operation: 'create',
				columns,
				ownerEmail: '={{ $json.agent }}',
				defaultOwnerId: fallbackId,
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(userQueries(from)).toBe(1);
		const owners = items.map((i) => s.t.org.store.get(String(i.json.id))?.OwnerId);
		expect(owners).toEqual([agentId, fallbackId, fallbackId, agentId, fallbackId]);
		expect(items[0].json.ownerId).toBe(agentId);
	});

	it('fails an item whose agent is not found when no default owner is set, and asks nothing when no email is given', async () => {
		const columns = { mappingMode: 'defineBelow', value: { Subject: 'x' } };
		const failed = await run(
			{ operation: 'create', columns, ownerEmail: 'nobody@support.example' },
			[{}],
			true,
		);
		expect(failed.items[0].json).toMatchObject({
			errorCode: 'OWNER_NOT_FOUND',
			fields: ['OwnerId'],
		});
		expect(String(failed.items[0].json.error)).toMatch(/nobody@support\.example/);
		const from = s.t.org.counters.log.length;
		const plain = await run({ operation: 'create', columns }, [{}, {}]);
		expect(plain.items.every((i) => i.json.success === true)).toBe(true);
		expect(userQueries(from)).toBe(0);
	});
});
