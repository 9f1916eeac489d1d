import type { SandboxOrg } from '../org';
import type { MessagingChannelInfo, MessagingChannelKind, SupportTeam } from './team';

/** What every case of the demo org shares. */
export interface DemoWorld {
	org: SandboxOrg;
	seed: number;
	team: SupportTeam;
	channels: Record<MessagingChannelKind, MessagingChannelInfo> | undefined;
	/** Emails sent from then on carry Lightning threading tokens instead of Ref IDs. */
	lightningSince: number;
	/** MessagingEndUser and Conversation per customer and channel (a conversation spans sessions). */
	endUsers: Map<
		string,
		{ id: string; conversationId: string; conversationIdentifier: string; name: string }
	>;
	/** The Id the messaging bot posts as. */
	botId: string;
}
