import {
	chatMessages,
	chatTurns,
	commentTurns,
	emailTurns,
	mergeTurns,
	messagingTurns,
	renderTranscript,
	shapeComments,
	type ConversationEntry,
	type ShapedEmail,
} from '../../nodes/shared/thread';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);

describe('chat transcripts', () => {
	// As Salesforce writes LiveChatTranscript.Body (here with a transfer and a message of two lines).
	const body =
		'<p align="center">Chat Started: Friday, May 01, 2026, 04:00:00 (-0500)</p><p align="center">Chat Origin: Website Support Chat</p>' +
		'<p align="center">Agent Aiko T</p>( 11s ) Aiko T: Hello Andrew! How can I help?<br>( 1m 13s ) Andrew Roberts: My GC5060 will not start.<br>It clicks &amp; stops.<br>' +
		'( 2m 8s ) Aiko T: Let me pass you to billing.<br><p align="center">Chat Transferred From Aiko T To Hannah W</p>( 1h 2m 3s ) Hannah W: Hi Andrew, Hannah here.<br>';

	it('gives each line its speaker, role and time from StartTime', () => {
		expect(
			chatTurns({ Id: '570A', Body: body, StartTime: '2026-05-01T09:00:00.000+0000' }),
		).toEqual([
			{
				at: T0 + 11_000,
				speaker: 'agent',
				name: 'Aiko T',
				text: 'Hello Andrew! How can I help?',
				channel: 'chat',
				block: '570A',
			},
			{
				at: T0 + 73_000,
				speaker: 'customer',
				name: 'Andrew Roberts',
				text: 'My GC5060 will not start.\nIt clicks & stops.',
				channel: 'chat',
				block: '570A',
			},
			{
				at: T0 + 128_000,
				speaker: 'agent',
				name: 'Aiko T',
				text: 'Let me pass you to billing.',
				channel: 'chat',
				block: '570A',
			},
			{
				at: T0 + 3_723_000,
				speaker: 'agent',
				name: 'Hannah W',
				text: 'Hi Andrew, Hannah here.',
				channel: 'chat',
				block: '570A',
			},
		]);
	});

	it('keeps the lines without times when StartTime is missing, and reads an empty body as no turns', () => {
		expect(chatTurns({ Body: body }).map((t) => t.at)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		expect(chatTurns({ Body: null })).toEqual([]);
	});

	it('tells the agent by the lines when they show another name than the header, as real bodies do', () => {
		// Recorded bodies: the header says "Agent (UserFirstName)" or "Agent Royalle G"; the lines "Stephen Fountain" or "Royalle".
		const header = (agent: string) =>
			`<p align="center">Chat Started: Friday, September 20, 2019, 16:14:59 (+0000)</p><p align="center">Chat Origin: Astro Chat</p><p align="center">Agent ${agent}</p>`;
		const who = (body: string, customerNames?: string[]) =>
			chatTurns({ Body: body }, 'chat', { customerNames }).map((t) => `${t.speaker}:${t.name}`);
		expect(
			who(
				`${header('(UserFirstName)')}( 5s ) Stephen Fountain: Hello!<br>( 2m 24s ) Visitor: still connected<br>`,
			),
		).toEqual(['agent:Stephen Fountain', 'customer:Visitor']);
		expect(
			who(`${header('Royalle G')}( 3s ) George M: hi<br>( 10s ) Royalle: Hi, this is Royalle<br>`),
		).toEqual(['customer:George M', 'agent:Royalle']);
		expect(
			who(`${header('(UserFirstName)')}( 3s ) George M: hi<br>( 10s ) Stephen F: Hello<br>`, [
				'George M',
			]),
		).toEqual(['customer:George M', 'agent:Stephen F']);
	});

	it('lists a chat as messages with who, name, ISO time and text, a transfer as a system message', () => {
		expect(
			chatMessages({ Body: body, StartTime: '2026-05-01T09:00:00.000+0000' }).map(
				(m) => `${m.who}|${m.name}|${m.at}|${m.text}`,
			),
		).toEqual([
			'agent|Aiko T|2026-05-01T09:00:11.000+00:00|Hello Andrew! How can I help?',
			'customer|Andrew Roberts|2026-05-01T09:01:13.000+00:00|My GC5060 will not start.\nIt clicks & stops.',
			'agent|Aiko T|2026-05-01T09:02:08.000+00:00|Let me pass you to billing.',
			'system|System|2026-05-01T09:02:08.000+00:00|Chat Transferred From Aiko T To Hannah W',
			'agent|Hannah W|2026-05-01T10:02:03.000+00:00|Hi Andrew, Hannah here.',
		]);
	});
});

describe('messaging entries', () => {
	const entry = (
		role: string,
		subject: string,
		text: string | null,
		at: number,
		session = '0MwA',
	): ConversationEntry => ({
		identifier: `${role}-${at}`,
		sender: { role, subject, appType: 'iamessage' },
		messageText: text,
		clientTimestamp: at,
		serverReceivedTimestamp: at,
		relatedRecords: [session],
	});
	const entries = [
		entry('EndUser', '0PAx', 'My order never arrived', T0),
		entry('Chatbot', '0Xxbot', 'Let me find an agent', T0 + 1000),
		entry('System', 'sys', 'Agent joined', T0 + 1500),
		entry('Agent', '005a', 'I can help with that', T0 + 2000),
		entry('Agent', '005a', '   ', T0 + 2500),
		entry('EndUser', '0PAx', 'Hello again, new problem', T0 + 999_000, '0MwB'),
	];

	it('names the senders, leaves out system entries and other sessions', () => {
		const names = { '0PAx': 'Rose Tyler', '005a': 'Noah Fischer' };
		expect(messagingTurns(entries, { sessionIds: ['0MwA'], names })).toEqual([
			{
				at: T0,
				speaker: 'customer',
				name: 'Rose Tyler',
				text: 'My order never arrived',
				channel: 'messaging',
				block: '0MwA',
			},
			{
				at: T0 + 1000,
				speaker: 'bot',
				name: '',
				text: 'Let me find an agent',
				channel: 'messaging',
				block: '0MwA',
			},
			{
				at: T0 + 2000,
				speaker: 'agent',
				name: 'Noah Fischer',
				text: 'I can help with that',
				channel: 'messaging',
				block: '0MwA',
			},
		]);
		expect(messagingTurns(entries).map((t) => t.block)).toEqual(['0MwA', '0MwA', '0MwA', '0MwB']);
	});
});

describe('the transcript', () => {
	const email = (id: string, values: Partial<ShapedEmail>): ShapedEmail => ({
		id,
		direction: 'fromCustomer',
		from: { name: 'Jane Doe', address: 'jane@example.com' },
		to: ['support@voltaris.example'],
		cc: [],
		subject: 'Charger',
		date: null,
		text: '',
		...values,
	});

	it('merges the sources in time order and labels every turn', () => {
		const emails = [
			email('e1', {
				date: '2026-05-01T09:00:00.000+00:00',
				text: 'Hello,\n\nmy charger shows E-214.',
			}),
			email('e2', {
				direction: 'fromAgent',
				from: { name: 'Hannah Weiß', address: 'billing@voltaris.example' },
				subject: 'RE: Charger',
				date: '2026-05-01T11:30:00.000+00:00',
				text: 'Hi Jane,\n\nplease restart it.',
			}),
			email('e3', {
				direction: 'fromAgent',
				from: { name: 'Hannah Weiß', address: 'billing@voltaris.example' },
				to: ['tier2@voltaris.example'],
				subject: 'FW: Charger',
				forwarded: true,
				date: '2026-05-01T11:40:00.000+00:00',
				text: 'Tier 2, please check.',
			}),
			email('e4', { date: '2026-05-02T08:00:00.000+02:00', text: '' }),
		];
		const comments = shapeComments([
			{
				Id: '00aA',
				CommentBody: 'Called her back.',
				IsPublished: false,
				CreatedDate: '2026-05-01T12:00:00.000+0000',
				CreatedBy: { Name: 'Hannah Weiß' },
			},
		]);
		const chat = chatTurns({
			Id: '570A',
			Body: '<p align="center">Agent Hannah W</p>( 5s ) Jane Doe: Still broken<br>( 65s ) Hannah W: On it<br>',
			StartTime: '2026-05-01T10:00:00.000+0000',
		});
		const transcript = renderTranscript(
			mergeTurns(emailTurns(emails), chat, commentTurns(comments)),
		);
		expect(transcript).toBe(
			[
				'[Email, 2026-05-01 09:00 UTC, "Charger"]',
				'Customer (Jane Doe): Hello,\n\nmy charger shows E-214.',
				'',
				'[Chat, 2026-05-01 10:00 UTC]',
				'Customer (Jane Doe): Still broken',
				'Agent (Hannah W): On it',
				'',
				'[Email, 2026-05-01 11:30 UTC, "RE: Charger"]',
				'Agent (Hannah Weiß): Hi Jane,\n\nplease restart it.',
				'',
				'[Email, 2026-05-01 11:40 UTC, "FW: Charger", forwarded to tier2@voltaris.example]',
				'Agent (Hannah Weiß): Tier 2, please check.',
				'',
				'[Case comment, 2026-05-01 12:00 UTC]',
				'Internal note (Hannah Weiß): Called her back.',
				'',
				'[Email, 2026-05-02 06:00 UTC, "Charger"]',
				'Customer (Jane Doe): (no new text)',
			].join('\n'),
		);
	});

	it('keeps undated turns last, in the order given', () => {
		const undated = emailTurns([email('x', { text: 'no date' })]);
		const dated = emailTurns([
			email('y', { date: '2026-05-01T09:00:00.000+00:00', text: 'dated' }),
		]);
		expect(mergeTurns(undated, dated).map((t) => t.text)).toEqual(['dated', 'no date']);
		expect(renderTranscript(undated)).toBe('[Email, "Charger"]\nCustomer (Jane Doe): no date');
	});

	it('is empty for no turns', () => {
		expect(renderTranscript([])).toBe('');
	});
});
