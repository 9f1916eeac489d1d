// A live conversation before a case: a legacy chat (LiveChatTranscript, its Body written when the
// chat ends) or a messaging session (MessagingSession on a Conversation that spans all sessions of
// the customer on that channel; the message text lives in the Connect API's entries, kept in
// org.conversations, each entry naming its session in relatedRecords).

import { createHash } from 'node:crypto';

import type { ConversationEntry } from '../org';
import { chatMetrics } from './chat-metrics';
import type { Customer } from './customers';
import { transcriptBody } from './chat-transcript';
import { dialogue } from './dialogue';
import type { Facts } from './facts';
import type { Random } from './random';
import { COMPANY, type Agent, type MessagingChannelKind } from './team';
import type { Story } from './themes';
import type { DemoWorld } from './world';

export interface LiveSession {
	kind: 'chat' | MessagingChannelKind;
	id: string;
	start: number;
	conversationIdentifier?: string;
	conversationId?: string;
	endUserId?: string;
	withBot: boolean;
}

/** Opens the transcript or session when the customer starts the conversation (now, by the org clock). */
export function startLiveSession(
	w: DemoWorld,
	r: Random,
	p: { chat: boolean; customer: Customer; agent: Agent },
): LiveSession {
	const { org, team } = w;
	const { customer, agent } = p;
	const now = org.clock.now();
	const as = { userId: team.automationUserId };
	if (p.chat || !w.channels) {
		const chatKey = r.uuid();
		const visitorId = org.store.insert(
			'LiveChatVisitor',
			{ SessionKey: sessionKeyOf(chatKey) },
			as,
		);
		const id = org.store.insert(
			'LiveChatTranscript',
			{
				Status: 'Waiting',
				RequestTime: now,
				ChatKey: chatKey,
				LiveChatVisitorId: visitorId,
				OwnerId: agent.id,
				ContactId: customer.id,
				AccountId: customer.accountId,
			},
			as,
		);
		return { kind: 'chat', id, start: now, withBot: false };
	}
	const kind = customer.phone
		? r.weighted<MessagingChannelKind>([
				['EmbeddedMessaging', 5],
				['WhatsApp', 3],
				['Text', 2],
			])
		: 'EmbeddedMessaging';
	const channel = w.channels[kind];
	const key = `${customer.id}:${kind}`;
	let endUser = w.endUsers.get(key);
	if (!endUser) {
		const phone = (customer.phone ?? '').replace(/[^\d+]/g, '');
		const name =
			kind === 'Text' ? phone : kind === 'WhatsApp' ? `whatsapp:${phone}` : customer.name;
		const id = org.store.insert(
			'MessagingEndUser',
			{ Name: name, MessagingChannelId: channel.id, ContactId: customer.id, MessageType: kind },
			as,
		);
		const conversationIdentifier = r.uuid();
		const conversationId = org.store.insert(
			'Conversation',
			{
				Name: `${channel.label}: ${name}`,
				ConversationIdentifier: conversationIdentifier,
				ConversationChannelId: channel.id,
				StartTime: now,
			},
			as,
		);
		endUser = { id, conversationId, conversationIdentifier, name };
		w.endUsers.set(key, endUser);
	}
	const withBot = kind === 'EmbeddedMessaging' && r.chance(0.7);
	const id = org.store.insert(
		'MessagingSession',
		{
			MessagingChannelId: channel.id,
			MessagingEndUserId: endUser.id,
			Status: 'Active',
			Origin: 'InboundInitiated',
			AgentType: withBot ? 'BotToAgent' : 'Agent',
			StartTime: now,
			ChannelType: kind,
			ChannelName: channel.label,
			ConversationId: endUser.conversationId,
			OwnerId: agent.id,
			EndUserContactId: customer.id,
			EndUserAccountId: customer.accountId,
			EndUserLanguage: 'en_US',
		},
		as,
	);
	return {
		kind,
		id,
		start: now,
		conversationIdentifier: endUser.conversationIdentifier,
		conversationId: endUser.conversationId,
		endUserId: endUser.id,
		withBot,
	};
}

/** Ends the conversation now: writes what was said and ties it to the case the agent opened. */
export function endLiveSession(
	w: DemoWorld,
	r: Random,
	s: LiveSession,
	p: {
		caseId: string;
		agent: Agent;
		customer: Customer;
		story: Story;
		facts: Facts;
		opening: string;
		subject: string;
	},
): void {
	const { org, team } = w;
	const { agent, customer } = p;
	const now = org.clock.now();
	const lines = dialogue(
		r,
		p.story,
		p.facts,
		{ opening: p.opening, subject: p.subject },
		s.start,
		now,
		{ withBot: s.withBot, customerFirst: s.kind !== 'chat' },
	);
	const firstAgentLine = lines.find((l) => l.role === 'Agent')?.at ?? s.start;
	const accepted = Math.max(s.start, firstAgentLine - r.int(3, 15) * 1000);
	const fromVisitor = lines.filter((l) => l.role === 'EndUser').length;
	const fromAgent = lines.filter((l) => l.role === 'Agent').length;
	if (s.kind === 'chat') {
		org.store.update(
			'LiveChatTranscript',
			s.id,
			{
				Status: 'Completed',
				StartTime: accepted,
				EndTime: now,
				CaseId: p.caseId,
				ChatDuration: Math.round((now - accepted) / 1000),
				VisitorMessageCount: fromVisitor,
				OperatorMessageCount: fromAgent,
				// In whole seconds between the times as stored (Salesforce keeps date-times to the second).
				WaitTime: Math.floor(accepted / 1000) - Math.floor(s.start / 1000),
				...chatMetrics(lines),
				Body: transcriptBody(lines, {
					start: accepted,
					offsetMinutes: COMPANY.utcOffsetMinutes,
					origin: 'Website Support Chat',
					agentName: agent.chatName,
					visitorName: customer.name,
				}),
			},
			{ userId: agent.id },
		);
		return;
	}
	org.store.update(
		'MessagingSession',
		s.id,
		{
			Status: 'Ended',
			AcceptTime: accepted,
			EndTime: now,
			CaseId: p.caseId,
			EndUserMessageCount: fromVisitor,
			AgentMessageCount: fromAgent,
			EndedByType: r.chance(0.7) ? 'Agent' : 'EndUser',
			PreviewDetails: lines[0].text.slice(0, 255),
		},
		{ userId: agent.id },
	);
	org.store.update(
		'Conversation',
		s.conversationId ?? '',
		{ EndTime: now },
		{ userId: team.automationUserId },
	);
	const entries: ConversationEntry[] = lines.map((l) => ({
		identifier: r.uuid(),
		senderRole: l.role,
		messageText: l.text,
		timestamp: l.at,
		relatedRecords: [s.id],
		senderName:
			l.role === 'Agent'
				? agent.name
				: l.role === 'Chatbot'
					? `${COMPANY.name} Assistant`
					: customer.name,
		senderSubject:
			l.role === 'Agent' ? agent.id : l.role === 'Chatbot' ? w.botId : (s.endUserId ?? ''),
	}));
	const identifier = s.conversationIdentifier ?? '';
	const existing = org.conversations.get(identifier);
	if (existing) existing.push(...entries);
	else org.conversations.set(identifier, entries);
}

/** The visitor's session key: Salesforce makes its own; the demo derives one from the chat key (no extra random draw). */
function sessionKeyOf(chatKey: string): string {
	const hex = createHash('sha1').update(chatKey).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
