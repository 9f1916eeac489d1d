import type { INodeParameters } from 'n8n-workflow';

import { actionSuite } from './suite';

// Bad input through n8n's engine: every value is checked for its place, and long input never sinks a run.

describe('Salesforce Service Cloud node: bad input', () => {
	const s = actionSuite('record', (t) => {
		t.org.schema.addCustomField('Lead', { name: 'Visit_Date__c', type: 'date' });
		t.org.schema.addCustomField('Lead', { name: 'Visits__c', type: 'double' });
		t.org.schema.addCustomField('Lead', { name: 'Opted__c', type: 'boolean' });
	});
	const { run } = s;
	const autoMap = { mappingMode: 'autoMapInputData', value: null };
	const statuses = (from: number) => s.t.org.counters.log.slice(from).map((e) => e.status);

	describe('Record IDs', () => {
		it('Delete refuses "<idA>,<idB>" for that item, names it and the field, and deletes nothing for it', async () => {
			const [a, b, c] = ['A', 'B', 'C'].map((n) =>
				s.t.org.store.insert('Account', { Name: `Delete ${n}` }),
			);
			const { items } = await run(
				{ operation: 'delete', objectName: 'Account', recordId: '={{ $json.id }}' },
				[{ id: `${a},${b}` }, { id: c }],
				true,
			);
			expect(items[0].json).toMatchObject({
				errorCode: 'MALFORMED_ID',
				fields: ['Id'],
				input: { id: `${a},${b}` },
			});
			expect(String(items[0].json.error)).toMatch(
				/^Record ID ".*" is not a Salesforce record Id: it holds more than one Id/,
			);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].json).toMatchObject({ success: true, id: c });
			expect(s.t.org.store.get(a)).toBeDefined();
			expect(s.t.org.store.get(b)).toBeDefined();
			expect(s.t.org.store.get(c)).toBeUndefined();
		});

		it('without continue on fail, Delete stops before deleting anything, naming the item', async () => {
			const [a, b, c] = ['A', 'B', 'C'].map((n) =>
				s.t.org.store.insert('Account', { Name: `Keep ${n}` }),
			);
			const before = s.t.org.counters.apiCalls;
			const { error } = await run(
				{ operation: 'delete', objectName: 'Account', recordId: '={{ $json.id }}' },
				[{ id: c }, { id: `${a},${b}` }],
			);
			expect(error?.message).toMatch(
				/^Nothing was written: item 1, field Id: Record ID .* holds more than one Id/,
			);
			expect(s.t.org.counters.apiCalls).toBe(before);
			for (const id of [a, b, c]) expect(s.t.org.store.get(id)).toBeDefined();
		});

		it('refuses an 18-character Id whose checksum does not match', async () => {
			const id = s.t.org.store.insert('Account', { Name: 'Checksum' });
			const wrong = `${id.slice(0, 15)}${id.slice(15) === 'AAA' ? 'AAB' : 'AAA'}`;
			const { items } = await run(
				{ operation: 'get', objectName: 'Account', recordId: wrong },
				[{}],
				true,
			);
			expect(String(items[0].json.error)).toMatch(/last three characters do not match/);
			const contact = s.t.org.store.insert('Contact', { LastName: 'Not an account' });
			const other = await run(
				{ operation: 'get', objectName: 'Account', recordId: contact },
				[{}],
				true,
			);
			expect(other.items[0].json.error).toBe(
				`Record ID "${contact}" belongs to another object: Account (Account) Ids start with 001`,
			);
		});
	});

	describe('field paths', () => {
		it('refuses SOQL in a field entry, naming the field parameter, before any query', async () => {
			const before = s.t.org.counters.apiCallsByKind.query;
			const { items } = await run(
				{
					operation: 'getMany',
					objectName: 'Case',
					fields: ['Owner.Name, (SELECT Id, Subject FROM Tasks)'],
				},
				[{}],
				true,
			);
			expect(String(items[0].json.error)).toMatch(
				/^Field Names or IDs: "Owner\.Name, \(SELECT Id, Subject FROM Tasks\)" is not a field name/,
			);
			expect(s.t.org.counters.apiCallsByKind.query).toBe(before);
		});

		it('checks every segment of a path against the parent object, polymorphic ones included, with few describes', async () => {
			s.t.org.store.insert('Case', { Subject: 'Paths', Status: 'New', Origin: 'Email' });
			const describes = s.t.org.counters.apiCallsByKind.describe;
			const bad = await run(
				{ operation: 'getMany', objectName: 'Case', fields: ['Owner.Nmae'] },
				[{}],
				true,
			);
			expect(String(bad.items[0].json.error)).toMatch(
				/Field Names or IDs: .*"Owner\.Nmae".*no field "Nmae".*"Name"/,
			);
			const badRelationship = await run(
				{ operation: 'getMany', objectName: 'Case', fields: ['Account.Owner.Emial'] },
				[{}],
				true,
			);
			expect(String(badRelationship.items[0].json.error)).toMatch(/no field "Emial".*Email/);
			const beforeGood = s.t.org.counters.apiCallsByKind.describe;
			const compositeBefore = s.t.org.counters.apiCallsByKind.composite;
			const good = await run(
				{
					operation: 'getMany',
					objectName: 'Case',
					fields: 'Subject, Owner.Name, Account.Owner.Email, Account.Name, Contact.Account.Name',
					limit: 1,
				},
				[{}, {}, {}],
			);
			expect(good.error).toBeUndefined();
			expect(good.items[0].json).toHaveProperty('Subject');
			// The object's describe, then its parents' (Group and User for Owner, Account, Contact) together in
			// one Composite request per level of the paths, whatever the number of items and paths.
			const used = s.t.org.counters.apiCallsByKind.describe - beforeGood;
			const composites = s.t.org.counters.apiCallsByKind.composite - compositeBefore;
			expect(used).toBe(1);
			expect(composites).toBeLessThanOrEqual(2);
			console.log(
				`path checks: ${used} describe and ${composites} Composite requests for 3 items x 5 paths; ${beforeGood - describes} describes for the two refused runs`,
			);
		});

		it('Get Conversation refuses a subquery in its case fields', async () => {
			const id = s.t.org.store.insert('Case', {
				Subject: 'Conversation',
				Status: 'New',
				Origin: 'Email',
			});
			const { items } = await run(
				{
					resource: 'case',
					operation: 'getConversation',
					caseId: id,
					caseFields: ['Subject', 'Id, (SELECT Id FROM Tasks)'],
				},
				[{}],
				true,
			);
			expect(String(items[0].json.error)).toMatch(
				/^Field Names or IDs: "Id, \(SELECT Id FROM Tasks\)" is not a field name/,
			);
		});
	});

	describe('object names', () => {
		it('refuses / and ? before any URL, and says when the org has no such object', async () => {
			const before = s.t.org.counters.log.length;
			const slash = await run({ operation: 'getMany', objectName: 'Account/describe?x=1' }, [{}]);
			expect(slash.error?.message).toMatch(
				/^Object: "Account\/describe\?x=1" is not an object name/,
			);
			expect(
				s.t.org.counters.log.slice(before).filter((e) => e.path.includes('Account/')),
			).toHaveLength(0);
			const unknown = await run({ operation: 'getMany', objectName: 'Invoice__c' }, [{}]);
			expect(unknown.error?.message).toBe(
				'Object: There is no object named "Invoice__c" in your org (or the connected user cannot see it)',
			);
			const create = await run(
				{ operation: 'create', objectName: 'Invoice__c', columns: autoMap },
				[{ Name: 'x' }],
			);
			expect(create.error?.message).toBe(unknown.error?.message);
		});
	});

	describe('values', () => {
		const getMany = (conditions: INodeParameters[], extra: INodeParameters = {}) =>
			run(
				{
					operation: 'getMany',
					objectName: 'Account',
					fields: ['Name'],
					conditions: { condition: conditions },
					...extra,
				},
				[{}],
				true,
			);

		it('writes numbers as SOQL decimals and refuses hex, underscores and words', async () => {
			s.t.org.store.insert('Account', { Name: 'Huge', AnnualRevenue: 2e21 });
			const big = await getMany([
				{ field: 'AnnualRevenue', operator: 'greaterThan', value: '1e21' },
			]);
			expect(big.items.map((i) => i.json.Name)).toEqual(['Huge']);
			const small = await getMany([
				{ field: 'AnnualRevenue', operator: 'greaterThan', value: '1e-7' },
			]);
			expect(small.items[0].json.error).toBeUndefined();
			for (const value of ['0x10', '1_000', 'ten', 'Infinity']) {
				const { items } = await getMany([
					{ field: 'NumberOfEmployees', operator: 'equals', value },
				]);
				expect(String(items[0].json.error)).toContain(`"${value}" is not a number`);
			}
		});

		it('accepts TRUE and False in conditions as in the mapping', async () => {
			s.t.org.store.insert('Case', { Subject: 'Closed one', Status: 'Closed', Origin: 'Email' });
			const { items } = await run(
				{
					operation: 'getMany',
					objectName: 'Case',
					fields: ['Subject'],
					conditions: { condition: [{ field: 'IsClosed', operator: 'equals', value: 'TRUE' }] },
					returnAll: true,
				},
				[{}],
			);
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((i) => !i.json.error)).toBe(true);
			const created = await run({ operation: 'create', objectName: 'Lead', columns: autoMap }, [
				{ LastName: 'Bool', Company: 'B', Opted__c: 'False' },
			]);
			expect(created.error).toBeUndefined();
			expect(created.items[0].json.success).toBe(true);
		});

		it('refuses a number for a date, dates outside 1700 to 4000, and a condition whose field is empty', async () => {
			const dateNumber = await getMany([
				{ field: 'CreatedDate', operator: 'greaterThan', value: '1767225600' },
			]);
			expect(String(dateNumber.items[0].json.error)).toMatch(
				/is a number, not a date; give an ISO date/,
			);
			const old = await getMany([
				{ field: 'CreatedDate', operator: 'greaterThan', value: '1600-01-01T00:00:00Z' },
			]);
			expect(String(old.items[0].json.error)).toMatch(/from the year 1700 to 4000/);
			const empty = await getMany([
				{ field: '={{ $json.nothing }}', operator: 'equals', value: 'x' },
			]);
			expect(String(empty.items[0].json.error)).toMatch(/Condition 1 has no field/);
			expect(empty.items).toHaveLength(1);
			const input = [
				{ LastName: 'Epoch', Company: 'E', Visit_Date__c: 1767225600 },
				{ LastName: 'Old', Company: 'E', Visit_Date__c: '1600-05-01' },
				{ LastName: 'Hex', Company: 'E', Visits__c: '0x10' },
				{ LastName: 'Fine', Company: 'E', Visit_Date__c: '2026-05-01', Visits__c: '1e3' },
			];
			const { items } = await run(
				{ operation: 'create', objectName: 'Lead', columns: autoMap },
				input,
				true,
			);
			expect(String(items[0].json.error)).toMatch(/Visit_Date__c.*a number is not read as a date/);
			expect(String(items[1].json.error)).toMatch(/Visit_Date__c.*from the year 1700 to 4000/);
			expect(String(items[2].json.error)).toMatch(/Visits__c.*needs a number.*0x10/);
			expect(s.t.org.store.get(String(items[3].json.id))).toMatchObject({
				Visit_Date__c: '2026-05-01',
				Visits__c: 1000,
			});
		});

		it('takes a list parameter from an expression as an array or a comma-separated string, and refuses a limit of "ten"', async () => {
			s.t.org.store.insert('Account', { Name: 'Listed One' });
			s.t.org.store.insert('Account', { Name: 'Listed Two' });
			const asString = await getMany(
				[{ field: 'Name', operator: 'in', value: '={{ "Listed One, Listed Two" }}' }],
				{ fields: '={{ "Name, Id" }}' },
			);
			expect(asString.items.map((i) => i.json.Name).sort()).toEqual(['Listed One', 'Listed Two']);
			const asArray = await getMany(
				[{ field: 'Name', operator: 'in', value: '={{ ["Listed One", "Listed Two"] }}' }],
				{ fields: '={{ ["Name"] }}' },
			);
			expect(asArray.items.map((i) => i.json.Name).sort()).toEqual(['Listed One', 'Listed Two']);
			const ten = await getMany([], { limit: '={{ "ten" }}' });
			expect(ten.items[0].json.error).toBe('Limit "ten" is not a whole number of 1 or more');
		});
	});

	describe('long input', () => {
		it('creates 300 leads with 60-character owner emails, each with its owner, in queries that fit the URL', async () => {
			const emails = Array.from(
				{ length: 300 },
				(_, i) => `agent.${String(i).padStart(3, '0')}.${'x'.repeat(60 - 26)}@support.example`,
			);
			expect(emails[0]).toHaveLength(60);
			const users = emails.map((email, i) =>
				s.t.org.addUser({ firstName: 'Agent', lastName: `N${i}`, email }),
			);
			const from = s.t.org.counters.log.length;
			const input = emails.map((agent, i) => ({ agent, LastName: `Owned ${i}`, Company: 'Acme' }));
			const { items, error } = await run(
				{
					operation: 'create',
					objectName: 'Lead',
					columns: {
						mappingMode: 'defineBelow',
						value: { LastName: '={{ $json.LastName }}', Company: '={{ $json.Company }}' },
					},
					ownerEmail: '={{ $json.agent }}',
				},
				input,
			);
			expect(error).toBeUndefined();
			expect(items.filter((i) => i.json.success)).toHaveLength(300);
			items.forEach((item, i) =>
				expect(s.t.org.store.get(String(item.json.id))?.OwnerId).toBe(users[i]),
			);
			expect(statuses(from)).not.toContain(414);
		});

		it('Find or Create: 300 contacts with 60-character emails and owner emails, found or created each with its owner', async () => {
			const pad = (prefix: string, i: number) =>
				`${prefix}.${String(i).padStart(3, '0')}.${'y'.repeat(60 - prefix.length - 22)}@customer.example`;
			const agents = Array.from({ length: 300 }, (_, i) => pad('owner', i));
			const users = agents.map((email, i) =>
				s.t.org.addUser({ firstName: 'Owner', lastName: `O${i}`, email }),
			);
			const existing = s.t.org.store.insert('Contact', {
				LastName: 'Already here',
				Email: pad('contact', 7),
			});
			const from = s.t.org.counters.log.length;
			const input = agents.map((agent, i) => ({
				agent,
				LastName: `Contact ${i}`,
				Email: pad('contact', i),
			}));
			expect(input[0].Email).toHaveLength(60);
			const columns = {
				mappingMode: 'defineBelow',
				value: { LastName: '={{ $json.LastName }}', Email: '={{ $json.Email }}' },
			};
			const { items, error } = await run(
				{
					resource: 'contact',
					operation: 'findOrCreate',
					matchField: 'Email',
					columns,
					ownerEmail: '={{ $json.agent }}',
				},
				input,
			);
			expect(error).toBeUndefined();
			expect(items.filter((i) => i.json.success)).toHaveLength(300);
			expect(items[7].json).toMatchObject({ action: 'matched', id: existing });
			items.forEach(
				(item, i) =>
					i !== 7 && expect(s.t.org.store.get(String(item.json.id))?.OwnerId).toBe(users[i]),
			);
			expect(statuses(from)).not.toContain(414);
		});

		it('answers a Get Many condition with 1,000 IN values with the right rows, in Id order, up to the limit', async () => {
			const names = Array.from(
				{ length: 1000 },
				(_, i) => `Batch account number ${String(i).padStart(4, '0')}`,
			);
			const ids = names.map((Name) => s.t.org.store.insert('Account', { Name }));
			s.t.org.store.insert('Account', { Name: 'Batch account not listed' });
			const from = s.t.org.counters.log.length;
			const condition = { field: 'Name', operator: 'in', value: names.join(',') };
			const all = await run(
				{
					operation: 'getMany',
					objectName: 'Account',
					fields: ['Name'],
					conditions: { condition: [condition] },
					returnAll: true,
				},
				[{}],
			);
			expect(all.error).toBeUndefined();
			expect(all.items).toHaveLength(1000);
			expect(new Set(all.items.map((i) => i.json.Name))).toEqual(new Set(names));
			expect(all.items[0].json).not.toHaveProperty('Id');
			const withIds = await run(
				{
					operation: 'getMany',
					objectName: 'Account',
					fields: ['Id', 'Name'],
					conditions: { condition: [condition] },
					returnAll: true,
				},
				[{}],
			);
			expect(new Set(withIds.items.map((i) => i.json.Id))).toEqual(new Set(ids));
			const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
			expect(withIds.items.map((i) => i.json.Id)).toEqual(sorted);
			const limited = await run(
				{
					operation: 'getMany',
					objectName: 'Account',
					fields: ['Id'],
					conditions: { condition: [condition] },
					limit: 7,
				},
				[{}],
			);
			expect(limited.items.map((i) => i.json.Id)).toEqual(sorted.slice(0, 7));
			expect(statuses(from)).not.toContain(414);
			expect(
				s.t.org.counters.log.slice(from).filter((e) => e.kind === 'query').length,
			).toBeGreaterThan(2);
		});

		it('fails only the item whose single value cannot fit in a query', async () => {
			s.t.org.store.insert('Account', { Name: 'Short name' });
			const huge = 'é'.repeat(3000);
			const input = [{ name: huge }, { name: 'Short name' }];
			const from = s.t.org.counters.log.length;
			const { items } = await run(
				{
					operation: 'getMany',
					objectName: 'Account',
					fields: ['Name'],
					conditions: {
						condition: [{ field: 'Name', operator: 'equals', value: '={{ $json.name }}' }],
					},
				},
				input,
				true,
			);
			expect(String(items[0].json.error)).toMatch(
				/^Conditions: the query is too long for Salesforce/,
			);
			expect(items[1].json.Name).toBe('Short name');
			expect(statuses(from)).not.toContain(414);
			const columns = {
				mappingMode: 'defineBelow',
				value: { LastName: '={{ $json.LastName }}', Company: 'L' },
			};
			const owner = await run(
				{ operation: 'create', objectName: 'Lead', columns, ownerEmail: '={{ $json.agent }}' },
				[
					{ LastName: 'Long', agent: `${huge}@x.example` },
					{ LastName: 'Fine', agent: '' },
				],
				true,
			);
			expect(owner.items[0].json.errorCode).toBe('OWNER_NOT_FOUND');
			expect(owner.items[1].json.success).toBe(true);
		});
	});
});
