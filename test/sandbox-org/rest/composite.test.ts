import { startTestOrg, type TestOrg } from '../testing';

// POST /composite: subrequests run in order as one API call, referring to earlier results with
// @{referenceId.path}; allOrNone rolls everything back.

const ROLLED_BACK = [
	{
		errorCode: 'PROCESSING_HALTED',
		message:
			'The transaction was rolled back since another operation in the same transaction failed.',
	},
];

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});

const composite = (body: unknown, version = '62.0') =>
	t.api('POST', `/services/data/v${version}/composite`, body);

it('runs subrequests in order, resolving references, as one API call', async () => {
	const before = { ...t.org.counters.apiCallsByKind };
	const callsBefore = t.org.counters.apiCalls;
	const res = await composite({
		allOrNone: false,
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'refAccount',
				body: { Name: 'Sample Account' },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Contact',
				referenceId: 'refContact',
				body: { LastName: 'Sample Contact', AccountId: '@{refAccount.id}' },
			},
			{
				method: 'GET',
				url: '/services/data/v62.0/sobjects/Contact/@{refContact.id}?fields=AccountId,LastName',
				referenceId: 'contactFields',
			},
			{
				method: 'PATCH',
				url: '/services/data/v62.0/sobjects/Account/@{refAccount.id}',
				referenceId: 'rename',
				body: { Description: 'Contact @{contactFields.LastName} added' },
			},
		],
	});
	expect(res.status).toBe(200);
	const [account, contact, fields, rename] = res.body.compositeResponse;
	expect(account).toEqual({
		body: { id: expect.stringMatching(/^001/), success: true, errors: [] },
		httpHeaders: { Location: `/services/data/v62.0/sobjects/Account/${account.body.id}` },
		httpStatusCode: 201,
		referenceId: 'refAccount',
	});
	expect(contact.httpStatusCode).toBe(201);
	expect(fields).toMatchObject({
		httpStatusCode: 200,
		referenceId: 'contactFields',
		body: { AccountId: account.body.id, LastName: 'Sample Contact', Id: contact.body.id },
	});
	expect(rename).toEqual({
		body: null,
		httpHeaders: {},
		httpStatusCode: 204,
		referenceId: 'rename',
	});
	expect(t.org.store.get(account.body.id)?.Description).toBe('Contact Sample Contact added');

	expect(t.org.counters.apiCalls - callsBefore).toBe(1);
	expect(t.org.counters.apiCallsByKind.composite - before.composite).toBe(1);
	expect(t.org.counters.apiCallsByKind.sobject - before.sobject).toBe(0);
});

it('with allOrNone, rolls everything back at the first failure and halts the rest', async () => {
	const accounts = t.org.store.count('Account');
	const res = await composite({
		allOrNone: true,
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'first',
				body: { Name: 'Rolled back' },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Contact',
				referenceId: 'badContact',
				body: { LastName: 'Doe', Email: 'Not a real email address', AccountId: '@{first.id}' },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'never',
				body: { Name: 'Never created' },
			},
		],
	});
	expect(res.status).toBe(200);
	expect(res.body.compositeResponse).toEqual([
		{ body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId: 'first' },
		{
			body: [
				{
					message: 'Email: invalid email address: Not a real email address',
					errorCode: 'INVALID_EMAIL_ADDRESS',
					fields: ['Email'],
				},
			],
			httpHeaders: {},
			httpStatusCode: 400,
			referenceId: 'badContact',
		},
		{ body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId: 'never' },
	]);
	expect(t.org.store.count('Account')).toBe(accounts);
	const query = await t.api(
		'GET',
		`/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Rolled back'")}`,
	);
	expect(query.body.totalSize).toBe(0);
});

it('without allOrNone, fails only the subrequests that depend on a failed one', async () => {
	const res = await composite({
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Lead',
				referenceId: 'badLead',
				body: { LastName: 'No company' },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Task',
				referenceId: 'leadTask',
				body: { Subject: 'Call', WhoId: '@{badLead.id}' },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'independent',
				body: { Name: 'Still created' },
			},
		],
	});
	const [lead, task, independent] = res.body.compositeResponse;
	expect(lead).toMatchObject({
		httpStatusCode: 400,
		body: [{ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] }],
	});
	expect(task).toEqual({
		body: [
			{
				errorCode: 'PROCESSING_HALTED',
				message: 'Invalid reference specified. No value for badLead.id found in badLead',
			},
		],
		httpHeaders: {},
		httpStatusCode: 400,
		referenceId: 'leadTask',
	});
	expect(independent.httpStatusCode).toBe(201);
	expect(t.org.store.get(independent.body.id)?.Name).toBe('Still created');
});

it('reads references case-sensitively: a create answers `id`, not `Id`', async () => {
	const res = await composite({
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'refAccount',
				body: { Name: 'Case matters' },
			},
			{
				method: 'GET',
				url: '/services/data/v62.0/sobjects/Account/@{refAccount.Id}',
				referenceId: 'wrongCase',
			},
		],
	});
	expect(res.body.compositeResponse[1].body).toEqual([
		{
			errorCode: 'PROCESSING_HALTED',
			message: 'Invalid reference specified. No value for refAccount.Id found in refAccount',
		},
	]);
});

it('runs sObject Collections subrequests, the composite allOrNone overriding theirs', async () => {
	const accounts = t.org.store.count('Account');
	const res = await composite({
		allOrNone: true,
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/composite/sobjects',
				referenceId: 'newAccounts',
				body: {
					allOrNone: false,
					records: [
						{ attributes: { type: 'Account' }, Name: 'Northern Trail Outfitters' },
						{ attributes: { type: 'Account' }, Name: 'Bad', foo: 1 },
					],
				},
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Contact',
				referenceId: 'newContact',
				body: { LastName: 'Smith', AccountId: '@{newAccounts[0].id}' },
			},
		],
	});
	const [collection, contact] = res.body.compositeResponse;
	expect(collection.httpStatusCode).toBe(200);
	expect(collection.body[0]).toEqual({
		success: false,
		errors: [
			{
				statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
				message:
					'Record rolled back because not all records were valid and the request was using AllOrNone header',
				fields: [],
			},
		],
	});
	expect(contact).toEqual({
		body: ROLLED_BACK,
		httpHeaders: {},
		httpStatusCode: 400,
		referenceId: 'newContact',
	});
	expect(t.org.store.count('Account')).toBe(accounts);

	const ok = await composite({
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/composite/sobjects',
				referenceId: 'newAccounts',
				body: { records: [{ attributes: { type: 'Account' }, Name: 'Easy Spaces' }] },
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Contact',
				referenceId: 'newContact',
				body: { LastName: 'Jones', AccountId: '@{newAccounts[0].id}' },
			},
		],
	});
	const created = ok.body.compositeResponse[1];
	expect(created.httpStatusCode).toBe(201);
	expect(t.org.store.get(created.body.id)?.AccountId).toBe(ok.body.compositeResponse[0].body[0].id);
});

it('counts a composite of Collections subrequests once, where the same Collections calls count one each', async () => {
	const records = (n: number) => ({
		records: Array.from({ length: n }, (_, i) => ({
			attributes: { type: 'Account' },
			Name: `Counted ${i}`,
		})),
	});
	let before = { ...t.org.counters.apiCallsByKind };
	await composite({
		compositeRequest: [1, 2, 3].map((i) => ({
			method: 'POST',
			url: '/services/data/v62.0/composite/sobjects',
			referenceId: `batch${i}`,
			body: records(200),
		})),
	});
	expect(t.org.counters.apiCallsByKind.composite - before.composite).toBe(1);
	expect(t.org.counters.apiCallsByKind.collections - before.collections).toBe(0);
	before = { ...t.org.counters.apiCallsByKind };
	for (let i = 0; i < 3; i++) await t.api('POST', '/composite/sobjects', records(200));
	expect(t.org.counters.apiCallsByKind.collections - before.collections).toBe(3);
	expect(t.org.counters.apiCallsByKind.composite - before.composite).toBe(0);
});

it('runs a query subrequest and refers to its records', async () => {
	const accountId = t.org.store.insert('Account', { Name: 'Queried Account' });
	const res = await composite({
		compositeRequest: [
			{
				method: 'GET',
				url: `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Queried Account'")}`,
				referenceId: 'found',
			},
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Contact',
				referenceId: 'contact',
				body: { LastName: 'Queried', AccountId: '@{found.records[0].Id}' },
			},
		],
	});
	expect(
		res.body.compositeResponse.map((r: { httpStatusCode: number }) => r.httpStatusCode),
	).toEqual([200, 201]);
	expect(t.org.store.get(res.body.compositeResponse[1].body.id)?.AccountId).toBe(accountId);
});

it('checks the request before running anything', async () => {
	const accounts = t.org.store.count('Account');
	const noReference = await composite({
		compositeRequest: [
			{ method: 'POST', url: '/services/data/v62.0/sobjects/Account', body: { Name: 'x' } },
		],
	});
	expect(noReference.status).toBe(400);
	expect(noReference.body).toEqual([
		{ message: "'referenceId' is a required field.", errorCode: 'JSON_PARSER_ERROR' },
	]);
	const tooMany = Array.from({ length: 26 }, (_, i) => ({
		method: 'POST',
		url: '/services/data/v62.0/sobjects/Account',
		referenceId: `a${i}`,
		body: { Name: `x${i}` },
	}));
	const res = await composite({ compositeRequest: tooMany });
	expect(res.status).toBe(400);
	expect(res.body[0].errorCode).toBe('LIMIT_EXCEEDED');
	const badRef = await composite({
		compositeRequest: [
			{
				method: 'POST',
				url: '/services/data/v62.0/sobjects/Account',
				referenceId: 'refNewAccount[1]',
				body: { Name: 'x' },
			},
		],
	});
	expect(badRef.status).toBe(400);
	expect(t.org.store.count('Account')).toBe(accounts);
});
