// The service team of the demo org (Voltaris Energy): agents, case queues with their members, the
// context user Email-to-Case creates cases as, and the messaging channels.

import type { SandboxOrg } from '../org';
import { escapeHtml, type Mailbox, type Signature } from './mail-format';
import type { QueueKey } from './themes';

export const COMPANY = {
	name: 'Voltaris Energy',
	domain: 'voltaris.example',
	helpSite: 'help.voltaris.example',
	phone: '+1 (614) 555-0142',
	/** Where the org's clock and chat transcripts say they are (US Eastern, daylight saving ignored). */
	utcOffsetMinutes: -300,
} as const;

export interface QueueInfo {
	key: QueueKey;
	id: string;
	name: string;
	developerName: string;
	/** The Email-to-Case routing address; agents answer from it. */
	address: string;
}

export interface Agent {
	id: string;
	firstName: string;
	lastName: string;
	name: string;
	/** How a chat transcript names the agent: first name and initial. */
	chatName: string;
	email: string;
	title: string;
	queues: readonly QueueKey[];
	signature: Signature;
}

export interface SupportTeam {
	agents: Agent[];
	queues: Record<QueueKey, QueueInfo>;
	/** The user Email-to-Case and Web-to-Case create cases as. */
	automationUserId: string;
	supportMailbox: Mailbox;
}

const QUEUES: ReadonlyArray<readonly [QueueKey, string, string, string]> = [
	['tier1', 'Tier 1 Support', 'Tier_1_Support', `support@${COMPANY.domain}`],
	['billing', 'Billing', 'Billing', `billing@${COMPANY.domain}`],
	['escalations', 'Technical Escalations', 'Technical_Escalations', `support@${COMPANY.domain}`],
	['returns', 'Returns & Warranty', 'Returns_Warranty', `returns@${COMPANY.domain}`],
];

const AGENTS: ReadonlyArray<
	readonly [first: string, last: string, title: string, queues: QueueKey[]]
> = [
	['Priya', 'Raman', 'Support Team Lead', ['tier1', 'escalations']],
	['Marcus', 'Bell', 'Customer Support Specialist', ['tier1']],
	['Sofia', 'Lindgren', 'Customer Support Specialist', ['tier1', 'returns']],
	['Daniel', 'Okoye', 'Customer Support Specialist', ['tier1']],
	['Hannah', 'Weiß', 'Billing Specialist', ['billing']],
	['Tomás', 'Ortega', 'Billing Specialist', ['billing', 'tier1']],
	['Grace', 'Kim', 'Returns & Warranty Specialist', ['returns']],
	['Liam', "O'Connor", 'Senior Support Engineer', ['escalations']],
	['Aiko', 'Tanaka', 'Senior Support Engineer', ['escalations', 'tier1']],
	['Noah', 'Fischer', 'Customer Support Specialist', ['tier1', 'returns']],
];

function agentSignature(name: string, title: string): Signature {
	return {
		text: `${name}\n${title}, ${COMPANY.name}\n${COMPANY.name} Support | ${COMPANY.helpSite} | ${COMPANY.phone}, Mon-Fri 8am-8pm ET`,
		html: `<p><b>${escapeHtml(name)}</b><br>${escapeHtml(title)}, ${COMPANY.name}<br>${COMPANY.name} Support | <a href="https://${COMPANY.helpSite}">${COMPANY.helpSite}</a> | ${COMPANY.phone}, Mon-Fri 8am-8pm ET</p>`,
	};
}

/** Adds the team's users and queues (the org clock says when they are created). */
export function addSupportTeam(org: SandboxOrg): SupportTeam {
	const automationUserId = org.addUser({
		firstName: 'Service',
		lastName: 'Automation',
		email: `service-automation@${COMPANY.domain}`,
		title: 'Automated Case User',
	});
	const agents: Agent[] = AGENTS.map(([first, last, title, queues]) => {
		const local = `${first}.${last}`
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/ß/g, 'ss')
			.replace(/['']/g, '')
			.toLowerCase();
		const email = `${local}@${COMPANY.domain}`;
		const id = org.addUser({ firstName: first, lastName: last, email, title });
		org.store.update('User', id, {
			Department: 'Customer Service',
			TimeZoneSidKey: 'America/New_York',
		});
		const name = `${first} ${last}`;
		return {
			id,
			firstName: first,
			lastName: last,
			name,
			chatName: `${first} ${last.charAt(0)}`,
			email,
			title,
			queues,
			signature: agentSignature(name, title),
		};
	});
	const queues = {} as Record<QueueKey, QueueInfo>;
	for (const [key, name, developerName, address] of QUEUES) {
		const id = org.addQueue(name, developerName);
		org.store.update('Group', id, { Email: address });
		queues[key] = { key, id, name, developerName, address };
		for (const a of agents)
			if (a.queues.includes(key))
				org.store.insert('GroupMember', { GroupId: id, UserOrGroupId: a.id });
	}
	return {
		agents,
		queues,
		automationUserId,
		supportMailbox: { name: `${COMPANY.name} Support`, address: queues.tier1.address },
	};
}

export type MessagingChannelKind = 'EmbeddedMessaging' | 'WhatsApp' | 'Text';

export interface MessagingChannelInfo {
	id: string;
	kind: MessagingChannelKind;
	label: string;
}

export function addMessagingChannels(
	org: SandboxOrg,
): Record<MessagingChannelKind, MessagingChannelInfo> {
	const add = (kind: MessagingChannelKind, label: string): MessagingChannelInfo => ({
		id: org.store.insert('MessagingChannel', { MasterLabel: label, MessageType: kind }),
		kind,
		label,
	});
	return {
		EmbeddedMessaging: add('EmbeddedMessaging', `${COMPANY.name} Web Messaging`),
		WhatsApp: add('WhatsApp', `${COMPANY.name} WhatsApp`),
		Text: add('Text', `${COMPANY.name} SMS`),
	};
}
