import { noteContent } from '../../nodes/SalesforceServiceCloud/actions/note/noteContent';
import { actionSuite } from './suite';

// The action node's Note resource as n8n runs it, against the sandbox org.

describe('Salesforce Service Cloud node: Note', () => {
	const s = actionSuite('note');
	const { run } = s;
	const addNote = (continueOnFail = false, input = [{}], more = {}) =>
		run(
			{
				operation: 'create',
				recordId: '={{ $json.recordId }}',
				title: '={{ $json.title }}',
				body: '={{ $json.body }}',
				...more,
			},
			input,
			continueOnFail,
		);
	const linksOf = (recordId: string) =>
		s.t.org.store.rows('ContentDocumentLink').filter((l) => l.LinkedEntityId === recordId);
	const contentOf = (noteId: string) =>
		(s.t.org.store.get(noteId, 'ContentNote')?.Content as Buffer).toString('utf8');

	it('adds a note to a case and to a contact, visible to all users of the record', async () => {
		const caseId = s.t.org.store.insert('Case', { Subject: 'Printer' });
		const contactId = s.t.org.store.insert('Contact', { LastName: 'Bond' });
		const input = [
			{
				recordId: caseId,
				title: 'Call',
				body: 'Customer called.\nPrinter fixed <for now> & happy',
			},
			{ recordId: contactId.slice(0, 15), title: 'VIP', body: '' },
		];
		const { items, error } = await addNote(false, input);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.success)).toEqual([true, true]);
		const noteId = String(items[0].json.id);
		expect(noteId).toMatch(/^069/);
		expect(items[0].json).toMatchObject({
			recordId: caseId,
			linkId: expect.stringMatching(/^06A/),
		});
		expect(contentOf(noteId)).toBe(
			'<p>Customer called.</p><p>Printer fixed &lt;for now&gt; &amp; happy</p>',
		);
		expect(s.t.org.store.get(noteId, 'ContentNote')).toMatchObject({
			Title: 'Call',
			TextPreview: 'Customer called. Printer fixed <for now> & happy',
		});
		expect(linksOf(caseId)).toEqual([
			expect.objectContaining({
				ContentDocumentId: noteId,
				ShareType: 'V',
				Visibility: 'AllUsers',
			}),
		]);
		expect(linksOf(contactId)).toHaveLength(1);
	});

	it('sends an HTML body as it is, when the body is HTML', async () => {
		const caseId = s.t.org.store.insert('Case', { Subject: 'Html' });
		const { items } = await addNote(
			false,
			[{ recordId: caseId, title: 'Html', body: '<b>Bold</b>' }],
			{
				bodyIsHtml: true,
			},
		);
		expect(contentOf(String(items[0].json.id))).toBe('<b>Bold</b>');
	});

	it('refuses a missing title or a malformed record ID before writing anything, naming the item', async () => {
		const caseId = s.t.org.store.insert('Case', { Subject: 'Refused' });
		const input = [
			{ recordId: caseId, title: 'Fine', body: 'x' },
			{ recordId: caseId, title: '  ', body: 'x' },
			{ recordId: 'not-an-id', title: 'Bad id', body: 'x' },
			{ recordId: caseId, title: 'T'.repeat(256), body: 'x' },
		];
		const notesBefore = s.t.org.store.count('ContentNote');
		const stopped = await addNote(false, input);
		expect(stopped.error?.message).toBe(
			'Nothing was written: item 1, field Title: Title is empty: a note needs a title [REQUIRED_FIELD_MISSING]',
		);
		expect(s.t.org.store.count('ContentNote')).toBe(notesBefore);
		const { items } = await addNote(true, input);
		expect(items.map((i) => i.json.errorCode ?? 'ok')).toEqual([
			'ok',
			'REQUIRED_FIELD_MISSING',
			'MALFORMED_ID',
			'STRING_TOO_LONG',
		]);
		expect(items[2].json.fields).toEqual(['LinkedEntityId']);
		expect(items[2].json.input).toEqual(input[2]);
	});

	it('removes a note again when its record does not exist, so nothing is left half added', async () => {
		const caseId = s.t.org.store.insert('Case', { Subject: 'Kept' });
		const gone = s.t.org.store.insert('Case', { Subject: 'Gone' });
		s.t.org.store.delete('Case', gone);
		const notesBefore = s.t.org.store.count('ContentNote');
		const { items } = await addNote(true, [
			{ recordId: caseId, title: 'Kept', body: 'x' },
			{ recordId: gone, title: 'Lost', body: 'x' },
		]);
		expect(items[0].json.success).toBe(true);
		expect(items[1].json).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY' });
		expect(String(items[1].json.error)).toMatch(
			new RegExp(`could not be added to record ${gone}, so the note was removed again`),
		);
		expect(s.t.org.store.count('ContentNote')).toBe(notesBefore + 1);
	});

	it('adds notes to 400 records in two API calls', async () => {
		const input = Array.from({ length: 400 }, (_, i) => ({
			recordId: s.t.org.store.insert('Case', { Subject: `Bulk ${i}` }),
			title: `Note ${i}`,
			body: 'Bulk',
		}));
		const before = s.t.org.counters.apiCalls;
		const { items, error } = await addNote(false, input);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(400);
		// The notes in one Composite request (two batches of 200), the links in another; no describe.
		expect(s.t.org.counters.apiCalls - before).toBe(2);
	});
});

describe('a note body', () => {
	it('escapes the special characters of plain text and keeps its lines as paragraphs', () => {
		const html = Buffer.from(noteContent('a < b & "c"\r\nd', false), 'base64').toString();
		expect(html).toBe('<p>a &lt; b &amp; &quot;c&quot;</p><p>d</p>');
	});
});
