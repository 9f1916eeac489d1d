import { startTestOrg, type TestOrg } from '../testing';
import { bulkState, failNextQueryJob } from './bulk-query';

// Bulk API 2.0 query jobs as the docs describe them: states, CSV results paged by locator, abort,
// delete, the job list, and the errors of a bad job, an unknown one and an unfinished one.

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});
afterEach(() => {
	bulkState(t.org).processingMs = 0;
});

async function createJob(query: string, extra: Record<string, unknown> = {}) {
	return t.api('POST', '/jobs/query', { operation: 'query', query, ...extra });
}

async function resultsText(id: string, params = '') {
	const res = await fetch(`${t.dataUrl}/jobs/query/${id}/results${params}`, {
		headers: { Authorization: `Bearer ${t.token}` },
	});
	return { status: res.status, text: await res.text(), headers: res.headers };
}

it('runs a query job to JobComplete and pages its CSV results with Sforce-Locator and maxRecords', async () => {
	for (let i = 0; i < 5; i++)
		t.org.store.insert('Account', {
			Name: `Bulk "quoted", ${i}`,
			Description: i === 0 ? null : 'x',
		});
	const created = await createJob(
		"SELECT Id, Name, Description, CreatedDate, Owner.Name FROM Account WHERE Name LIKE 'Bulk%' ORDER BY Name",
	);
	expect(created.status).toBe(200);
	expect(created.body.state).toBe('UploadComplete');
	const info = await t.api('GET', `/jobs/query/${created.body.id}`);
	expect(info.body).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 5, retries: 0 });

	const first = await resultsText(created.body.id, '?maxRecords=3');
	expect(first.status).toBe(200);
	expect(first.headers.get('content-type')).toMatch(/^text\/csv/);
	expect(first.headers.get('sforce-numberofrecords')).toBe('3');
	const locator = first.headers.get('sforce-locator')!;
	expect(locator).not.toBe('null');
	const lines = first.text.split('\n');
	expect(lines[0]).toBe('"Id","Name","Description","CreatedDate","Owner.Name"');
	expect(lines[1]).toMatch(
		/^"001\w+","Bulk ""quoted"", 0",,"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","[^"]+"$/,
	);
	const second = await resultsText(created.body.id, `?locator=${locator}&maxRecords=3`);
	expect(second.headers.get('sforce-numberofrecords')).toBe('2');
	expect(second.headers.get('sforce-locator')).toBe('null');
	expect(second.text.split('\n').filter(Boolean)).toHaveLength(3);
	// A locator stays valid while the job exists: the same page again.
	expect((await resultsText(created.body.id, `?locator=${locator}&maxRecords=3`)).text).toBe(
		second.text,
	);

	const list = await t.api('GET', '/jobs/query');
	expect(list.body.records.map((j: { id: string }) => j.id)).toContain(created.body.id);
	expect((await t.api('DELETE', `/jobs/query/${created.body.id}`)).status).toBe(204);
	const gone = await t.api('GET', `/jobs/query/${created.body.id}`);
	expect(gone.status).toBe(404);
	expect(gone.body[0].errorCode).toBe('NOT_FOUND');
	expect((await resultsText(created.body.id)).status).toBe(404);
});

it('reports InProgress until the org clock has run the job, and refuses its results meanwhile', async () => {
	bulkState(t.org).processingMs = 5000;
	const created = await createJob('SELECT Id FROM Account');
	expect((await t.api('GET', `/jobs/query/${created.body.id}`)).body.state).toBe('InProgress');
	const early = await resultsText(created.body.id);
	expect(early.status).toBe(400);
	expect(JSON.parse(early.text)[0].errorCode).toBe('INVALIDJOBSTATE');
	t.org.clock.advance(5000);
	expect((await t.api('GET', `/jobs/query/${created.body.id}`)).body.state).toBe('JobComplete');
});

it('aborts a running job and fails a job that fails while it runs, with its errorMessage', async () => {
	bulkState(t.org).processingMs = 5000;
	const running = await createJob('SELECT Id FROM Account');
	const aborted = await t.api('PATCH', `/jobs/query/${running.body.id}`, { state: 'Aborted' });
	expect(aborted.body.state).toBe('Aborted');
	bulkState(t.org).processingMs = 0;
	failNextQueryJob(t.org, 'InternalServerError : retried more than 15 times');
	const failing = await createJob('SELECT Id FROM Account');
	const info = await t.api('GET', `/jobs/query/${failing.body.id}`);
	expect(info.body).toMatchObject({
		state: 'Failed',
		errorMessage: 'InternalServerError : retried more than 15 times',
	});
});

it('answers 400 on creation for a malformed query and for what Bulk API 2.0 does not support', async () => {
	const bad = await createJob('SELECT Nope FROM Account');
	expect(bad.status).toBe(400);
	expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
	for (const q of [
		'SELECT COUNT() FROM Account',
		'SELECT Id FROM Account OFFSET 5',
		'SELECT Name, COUNT(Id) FROM Account GROUP BY Name',
		'SELECT Id, (SELECT Id FROM Contacts) FROM Account',
	]) {
		const res = await createJob(q);
		expect({ q, status: res.status, code: res.body[0].errorCode }).toEqual({
			q,
			status: 400,
			code: 'INVALIDJOB',
		});
	}
	expect(
		(await t.api('POST', '/jobs/query', { operation: 'insert', query: 'SELECT Id FROM Account' }))
			.status,
	).toBe(400);
});

it('runs a semi-join over another object, as the trigger asks for the emails of cases', async () => {
	const caseId = t.org.store.insert('Case', { Subject: 'With mail', Status: 'New' });
	t.org.store.insert('EmailMessage', {
		ParentId: caseId,
		Subject: 'Hello',
		TextBody: 'line 1\nline 2',
	});
	const created = await createJob(
		`SELECT Id, ParentId, TextBody FROM EmailMessage WHERE ParentId IN (SELECT Id FROM Case WHERE Subject = 'With mail')`,
	);
	expect(created.status).toBe(200);
	const res = await resultsText(created.body.id);
	expect(res.text).toBe(
		`"Id","ParentId","TextBody"\n"${res.text.split('"')[7]}","${caseId}","line 1\nline 2"\n`,
	);
});

it('answers the Organization query every client makes first: one row, the org itself', async () => {
	const res = await t.api(
		'GET',
		`/query?q=${encodeURIComponent('SELECT Id, Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType, CreatedDate FROM Organization')}`,
	);
	expect(res.status).toBe(200);
	expect(res.body.totalSize).toBe(1);
	expect(res.body.records[0]).toMatchObject({
		Id: t.org.orgId,
		InstanceName: 'SB1',
		IsSandbox: false,
		TrialExpirationDate: null,
		NamespacePrefix: null,
		OrganizationType: 'Developer Edition',
	});
	const describe = await t.api('GET', '/sobjects/Organization/describe');
	expect(describe.body).toMatchObject({
		name: 'Organization',
		keyPrefix: '00D',
		createable: false,
	});
	const write = await t.api('POST', '/sobjects/Organization', { Name: 'Mine' });
	expect(write.status).toBe(400);
});
