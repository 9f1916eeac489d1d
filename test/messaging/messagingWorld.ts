import type { ConversationEntry } from '../sandbox-org/org';
import type { TestOrg } from '../sandbox-org/testing';

// Messaging sessions in the sandbox org as Salesforce keeps them: a MessagingEndUser and one
// Conversation per customer and channel, a MessagingSession per contact with the service, and the
// messages as Connect API entries of the conversation, each naming its session in relatedRecords.

const SECOND = 1000;

export interface MessagingCustomer {
	contactId: string;
	endUserId: string;
	conversationId: string;
	conversationIdentifier: string;
}

let counter = 0;

/** A customer with a contact, a messaging end user and a conversation on one channel. */
export function messagingCustomer(t: TestOrg, name = 'George Macaroni'): MessagingCustomer {
	const store = t.org.store;
	const channelId =
		(store.rows('MessagingChannel')[0]?.Id as string | undefined) ??
		store.insert('MessagingChannel', { MasterLabel: 'Web Chat', MessageType: 'EmbeddedMessaging' });
	const [first, ...rest] = name.split(' ');
	const contactId = store.insert('Contact', {
		FirstName: first,
		LastName: rest.join(' ') || 'Customer',
		Email: `${first.toLowerCase()}${++counter}@example.com`,
	});
	const endUserId = store.insert('MessagingEndUser', {
		Name: name,
		MessagingChannelId: channelId,
		ContactId: contactId,
		MessageType: 'EmbeddedMessaging',
	});
	const conversationIdentifier = `c0a8${String(++counter).padStart(4, '0')}-6e2b-4a0e-9f1d-${String(counter).padStart(12, '0')}`;
	const conversationId = store.insert('Conversation', {
		Name: `Web Chat: ${name}`,
		ConversationIdentifier: conversationIdentifier,
		ConversationChannelId: channelId,
		StartTime: t.org.clock.now(),
	});
	t.org.conversations.set(conversationIdentifier, []);
	return { contactId, endUserId, conversationId, conversationIdentifier };
}

export interface SessionLine {
	role: ConversationEntry['senderRole'];
	text: string;
}

/**
 * A session that starts now and ends `lines.length * 20` seconds later (the clock moves on), with
 * its messages as entries of the customer's conversation; optionally on a case.
 */
export function endedSession(
	t: TestOrg,
	customer: MessagingCustomer,
	lines: SessionLine[],
	options: { caseId?: string; end?: boolean } = {},
): { id: string; start: number; at: number[] } {
	const store = t.org.store;
	const agentId = t.identity.userId;
	const start = t.org.clock.now();
	const id = store.insert('MessagingSession', {
		MessagingChannelId: store.rows('MessagingChannel')[0].Id,
		MessagingEndUserId: customer.endUserId,
		Status: 'Active',
		Origin: 'InboundInitiated',
		AgentType: 'Agent',
		StartTime: Math.floor(start / SECOND) * SECOND,
		ChannelType: 'EmbeddedMessaging',
		ChannelName: 'Web Chat',
		ConversationId: customer.conversationId,
		OwnerId: agentId,
		EndUserContactId: customer.contactId,
		CaseId: options.caseId ?? null,
	});
	const at: number[] = [];
	const entries = t.org.conversations.get(customer.conversationIdentifier) ?? [];
	lines.forEach((line, i) => {
		const time = start + (i + 1) * 20 * SECOND + 7;
		at.push(time);
		entries.push({
			identifier: `e${String(++counter).padStart(7, '0')}-0000-4000-8000-000000000000`,
			senderRole: line.role,
			senderName: '',
			senderSubject:
				line.role === 'Agent' ? agentId : line.role === 'EndUser' ? customer.endUserId : 'bot',
			messageText: line.text,
			timestamp: time,
			relatedRecords: [id],
		});
	});
	t.org.conversations.set(customer.conversationIdentifier, entries);
	t.org.clock.advance((lines.length + 1) * 20 * SECOND);
	if (options.end !== false)
		store.update('MessagingSession', id, {
			Status: 'Ended',
			EndTime: t.org.clock.now(),
			EndUserMessageCount: lines.filter((l) => l.role === 'EndUser').length,
			AgentMessageCount: lines.filter((l) => l.role === 'Agent').length,
			EndedByType: 'Agent',
		});
	return { id, start, at };
}

/** The demo user's name, as the org gives it (the agent of the sessions above). */
export function agentName(t: TestOrg): string {
	const user = t.org.store.rows('User').find((u) => u.Id === t.identity.userId);
	return `${String(user?.FirstName ?? '')} ${String(user?.LastName ?? '')}`.trim();
}

export const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');
