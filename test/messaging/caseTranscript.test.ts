import { actionSuite } from '../action/suite';
import { activateTrigger, emittedJson } from '../trigger/triggerSetup';
import { agentName, endedSession, messagingCustomer } from './messagingWorld';

// A case's messaging sessions join its transcript: in Case Closed (within the workflow's budget of
// Connect calls) and in the action node's Case > Get Conversation, read in the same query as the
// case's other children (its MessagingSessions), with Connect calls only for cases that have sessions.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('Messaging in case transcripts', () => {
	const s = actionSuite('case');
	const connectCalls = () => s.t.org.counters.apiCallsByKind.connect ?? 0;

	/** A case with an email from the customer, then a messaging session on it; and one without sessions. */
	function caseWithSession(subject: string) {
		const t = s.t;
		const customer = messagingCustomer(t, 'Rose Gonzalez');
		const caseId = t.org.store.insert('Case', {
			Subject: subject,
			Status: 'New',
			Origin: 'Web',
			ContactId: customer.contactId,
		});
		t.org.store.insert('EmailMessage', {
			ParentId: caseId,
			Subject: subject,
			TextBody: 'My invoice is wrong.',
			FromAddress: 'rose@example.com',
			FromName: 'Rose Gonzalez',
			ToAddress: 'support@org.example',
			Incoming: true,
			Status: '1',
			MessageDate: t.org.clock.now() - 60_000,
		});
		// Another session of the same conversation, not on this case: its messages stay out.
		endedSession(t, customer, [{ role: 'EndUser', text: 'Unrelated earlier question' }]);
		endedSession(
			t,
			customer,
			[
				{ role: 'EndUser', text: 'Any news on my invoice?' },
				{ role: 'Agent', text: 'Corrected, you get a new one today.' },
			],
			{ caseId },
		);
		return caseId;
	}

	it("Get Conversation puts the messages of the case's messaging sessions in its transcript, with one Connect call for the case that has sessions and none for the one that has not", async () => {
		const withSession = caseWithSession('Invoice wrong');
		const without = s.t.org.store.insert('Case', { Subject: 'Plain', Status: 'New' });
		const before = connectCalls();
		const { items, error } = await s.run(
			{ operation: 'getConversation', caseId: '={{ $json.id }}' },
			[{ id: withSession }, { id: without }],
		);
		expect(error).toBeUndefined();
		expect(connectCalls() - before).toBe(1);
		const transcript = String(items[0].json.transcript);
		expect(transcript).toMatch(
			new RegExp(
				`\\[Email[^\\n]*\\]\\nCustomer \\(Rose Gonzalez\\): My invoice is wrong\\.\\n\\n\\[Messaging, [^\\]]+\\]\\nCustomer \\(Rose Gonzalez\\): Any news on my invoice\\?\\nAgent \\(${agentName(s.t)}\\): Corrected, you get a new one today\\.`,
			),
		);
		expect(transcript).not.toMatch(/Unrelated/);
		expect(items[1].json.transcript).toBe('');
	});

	it("Get Conversation fails clearly, naming the case, when Salesforce answers the Connect API's hourly limit", async () => {
		const caseId = caseWithSession('Limit reached');
		s.t.org.connectRateLimit.hourlyLimit = 0;
		try {
			const { error } = await s.run({ operation: 'getConversation', caseId });
			expect(error?.message).toMatch(
				new RegExp(
					`case ${caseId}'s messaging sessions cannot be read now: Salesforce refused: the Connect API's hourly limit`,
				),
			);
		} finally {
			s.t.org.connectRateLimit.hourlyLimit = 1000;
		}
	});

	it('Case Closed puts the messages in the transcript, and a case whose messages are past the budget waits for a later poll, emitted once', async () => {
		const t = s.t;
		t.org.clock.freeze();
		const poller = await activateTrigger(t, { event: 'caseClosed', connectCallsPerHour: 1 });
		emittedJson(await poller.poll());
		const ids = [caseWithSession('First'), caseWithSession('Second')];
		const plain = t.org.store.insert('Case', { Subject: 'No sessions', Status: 'New' });
		for (const id of [...ids, plain]) t.org.store.update('Case', id, { Status: 'Closed' });
		t.org.clock.advance(2000);
		const before = connectCalls();
		const first = emittedJson(await poller.poll());
		expect(connectCalls() - before).toBe(1);
		// The second case would need a second call this hour: it waits, and the cursor stays before it.
		expect(first.map((i) => i.id)).toEqual([ids[0]]);
		expect(String(first[0].transcript)).toMatch(
			/\[Messaging, [^\]]+\]\nCustomer \(Rose Gonzalez\): Any news/,
		);
		t.org.clock.advance(20 * MINUTE);
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(HOUR);
		const rest = emittedJson(await poller.poll());
		expect(rest.map((i) => i.id)).toEqual([ids[1], plain]);
		expect(String(rest[0].transcript)).toMatch(/Corrected, you get a new one today/);
		t.org.clock.advance(HOUR);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});
});
