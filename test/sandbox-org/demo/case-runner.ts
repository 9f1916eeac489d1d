// Plays one case's plan against the org: each event runs with the org clock frozen at its time, so
// CreatedDate, SystemModstamp, ClosedDate, MessageDate and CaseHistory all tell the same story.

import type { Row } from '../core/store';
import type { AgentIntent, CasePlan, CustomerIntent, PlanEvent } from './case-plan';
import type { Customer } from './customers';
import { caseFacts, fill, smartPunctuation, type Facts } from './facts';
import { endLiveSession, startLiveSession, type LiveSession } from './live-session';
import { composeBody, type QuotedMail } from './mail-format';
import { EMAIL_STATUS, MailThread, type NewMail, type ThreadMail } from './mail-thread';
import type { Random } from './random';
import { COMPANY, type Agent, type QueueInfo } from './team';
import { lightningToken, refId, subjectWithToken } from './threading';
import {
	AGENT,
	AUTO_RESPONSE,
	CUSTOMER,
	type QueueKey,
	type Story,
	type StoryPart,
} from './themes';
import type { DemoWorld } from './world';

export interface LegacyCase {
	openedAt: number;
	closedAt: number;
	thanks: boolean;
}

/** Case.Origin by channel; the org's picklist has only Phone, Email and Web. */
const ORIGIN: Record<string, string> = {
	email: 'Email',
	web: 'Web',
	phone: 'Phone',
	chat: 'Web',
	EmbeddedMessaging: 'Web',
	WhatsApp: 'Phone',
	Text: 'Phone',
};

function stripReplyPrefixes(subject: string): string {
	return subject.replace(/^(?:\s*(?:re|aw|sv|fw|fwd|wg)\s*:\s*)+/i, '');
}

export class CaseRunner {
	private cursor = 0;
	private readonly facts: Facts;
	private readonly subjectBase: string;
	/** The customer's first message (a mail, a web form, what they said on the phone or in chat). */
	private readonly opening: string;
	/** The lines the case's story is told with: its issue's own, else its theme's. */
	private readonly story: Story;
	private caseId = '';
	private caseNumber = '';
	private queue: QueueKey;
	private agent: Agent | undefined;
	private status = 'New';
	private thread: MailThread | undefined;
	private unanswered: ThreadMail[] = [];
	private cc: string | null = null;
	/** The first name under the agent's last mail: whom the customer answers. */
	private lastAgentFirstName: string | undefined;
	private session: LiveSession | undefined;
	private readonly used = new Map<readonly string[], Set<number>>();
	/** When set, mails are dated then rather than by the org clock (a data load of old mail). */
	private messageDate: number | undefined;

	constructor(
		private readonly w: DemoWorld,
		private readonly r: Random,
		readonly plan: CasePlan,
		private readonly customer: Customer,
		/** A closed case a data load brought in from another helpdesk, with its old dates. */
		private readonly legacy?: LegacyCase,
	) {
		this.queue = plan.queue;
		const issue = r.pick(plan.theme.issues);
		this.facts = caseFacts(r, {
			theme: plan.theme,
			products: issue.products,
			region: customer.region,
			start: plan.events[0].at,
			accountNumber: customer.accountNumber,
			customer: {
				firstName: customer.firstName,
				name: customer.name,
				email: customer.email,
				phone: customer.phone,
				street: customer.street,
				city: customer.city,
				company: customer.accountName,
				colleague: customer.colleague.name,
			},
		});
		this.subjectBase = fill(r.pick(issue.subjects), this.facts);
		this.opening = fill(issue.opening, this.facts);
		const part = (name: StoryPart) => issue[name] ?? plan.theme[name];
		this.story = {
			details: part('details'),
			stillBroken: part('stillBroken'),
			agentFirst: part('agentFirst'),
			resolutions: part('resolutions'),
			agentProgress: [...part('agentProgress'), ...AGENT.holding],
		};
	}

	/** When the next event is due; undefined once the plan has run. */
	get nextAt(): number | undefined {
		return this.plan.events[this.cursor]?.at;
	}

	/** Runs the next event with the org clock at its time. */
	step(): void {
		const event = this.plan.events[this.cursor++];
		this.w.org.clock.freeze(event.at);
		if (this.legacy) this.importLegacy(this.legacy);
		else this.run(event);
	}

	/**
	 * The whole case in one go, as a data load writes it: CreatedDate is the load time, ClosedDate
	 * and the mails' MessageDate are the old helpdesk's (so ClosedDate is before CreatedDate).
	 */
	private importLegacy(legacy: LegacyCase): void {
		this.agent = this.pickAgent(this.queue);
		this.setFact('agentFirstName', this.agent.firstName);
		const opening = this.opening;
		const ticket = this.r.int(10000, 99999);
		this.caseId = this.w.org.store.insert(
			'Case',
			{
				Subject: this.subjectBase,
				Description: `Imported from legacy helpdesk (ticket #${ticket}).\n\n${opening}`,
				Status: 'Closed',
				Priority: this.plan.priority,
				Origin: 'Email',
				Type: this.r.pick(this.plan.theme.types),
				Reason: this.r.pick(this.plan.theme.reasons),
				ContactId: this.customer.id,
				AccountId: this.customer.accountId,
				ContactEmail: this.customer.email,
				ContactPhone: this.customer.phone,
				OwnerId: this.agent.id,
				SuppliedName: this.customer.name,
				SuppliedEmail: this.customer.email,
				IsEscalated: false,
			},
			{ userId: this.w.team.automationUserId, audit: { ClosedDate: legacy.closedAt } },
		);
		this.caseNumber = String(this.w.org.store.get(this.caseId, 'Case')?.CaseNumber ?? '');
		this.setFact('caseNumber', this.caseNumber);
		this.messageDate = legacy.openedAt;
		this.customerMail('opening');
		this.messageDate = legacy.closedAt - 3_600_000;
		this.agentMail('resolution');
		if (legacy.thanks) {
			this.messageDate = legacy.closedAt - 600_000;
			this.customerMail('thanks');
			for (const m of this.unanswered) this.setEmailStatus(m, EMAIL_STATUS.read);
		}
		this.messageDate = undefined;
	}

	private run(e: PlanEvent): void {
		switch (e.kind) {
			case 'sessionStart':
				this.agent = this.pickAgent(this.plan.queue === 'billing' ? 'billing' : 'tier1');
				this.session = startLiveSession(this.w, this.r, {
					chat: this.plan.channel === 'chat',
					customer: this.customer,
					agent: this.agent,
				});
				return;
			case 'create':
				return this.createCase();
			case 'sessionEnd':
				if (this.session && this.agent) {
					endLiveSession(this.w, this.r, this.session, {
						caseId: this.caseId,
						agent: this.agent,
						customer: this.customer,
						story: this.story,
						facts: this.facts,
						opening: this.opening,
						subject: this.subjectBase,
					});
				}
				return;
			case 'customerMail':
				return this.customerMail(e.intent);
			case 'agentMail':
				return this.agentMail(e.intent);
			case 'autoResponse':
				return this.autoResponse();
			case 'forward':
				return this.forward();
			case 'draft':
				return this.draft();
			case 'transfer':
				this.queue = e.to;
				return this.updateCase({ OwnerId: this.queueInfo.id }, this.w.team.automationUserId);
			case 'accept': {
				this.agent = this.pickAgent(this.queue);
				this.setFact('agentFirstName', this.agent.firstName);
				return this.updateCase(
					{ OwnerId: this.agent.id, ...(this.status === 'New' ? { Status: 'Working' } : {}) },
					this.agent.id,
				);
			}
			case 'escalate':
				this.queue = this.plan.theme.escalateTo;
				return this.updateCase(
					{ OwnerId: this.queueInfo.id, Status: 'Escalated', IsEscalated: true },
					this.agent?.id,
				);
			case 'comment': {
				const body =
					e.note === 'resolvedByPhone'
						? this.r.pick([
								'Called the customer and resolved this by phone. No further action needed.',
								'Spoke to the customer by phone - issue resolved, closing.',
								'Duplicate of an earlier case from the same customer; answered there.',
							])
						: fill(this.fresh(this.plan.theme.notes), this.facts);
				this.w.org.store.insert(
					'CaseComment',
					{ ParentId: this.caseId, IsPublished: this.r.chance(0.1), CommentBody: body },
					{ userId: this.agent?.id ?? this.w.team.automationUserId },
				);
				return;
			}
			case 'close':
				for (const m of this.unanswered) this.setEmailStatus(m, EMAIL_STATUS.read);
				this.unanswered = [];
				return this.updateCase({ Status: 'Closed' }, this.agent?.id);
			case 'reopen':
				return this.updateCase({ Status: 'Working' }, this.w.team.automationUserId);
		}
	}

	// --- the case -------------------------------------------------------------------------

	private get queueInfo(): QueueInfo {
		return this.w.team.queues[this.queue];
	}

	private pickAgent(queue: QueueKey): Agent {
		const members = this.w.team.agents.filter((a) => a.queues.includes(queue) && a !== this.agent);
		return this.r.pick(members.length > 0 ? members : this.w.team.agents);
	}

	private setFact(name: string, value: string): void {
		this.facts[name] = value;
	}

	private createCase(): void {
		const { plan, customer } = this;
		const agentOwned =
			plan.channel === 'phone' || plan.channel === 'chat' || plan.channel === 'messaging';
		if (agentOwned && !this.agent)
			this.agent = this.pickAgent(plan.queue === 'billing' ? 'billing' : 'tier1');
		if (this.agent) this.setFact('agentFirstName', this.agent.firstName);
		const opening = this.opening;
		const viaMail = plan.channel === 'email' || plan.channel === 'web';
		const description =
			plan.channel === 'phone'
				? `Inbound call from ${customer.name}. ${opening}`
				: plan.channel === 'web'
					? opening
					: plan.channel === 'email'
						? null // Email-to-Case copies the first mail's text in below
						: opening;
		const status = agentOwned ? 'Working' : 'New';
		const values: Row = {
			Subject: this.subjectBase,
			Description: description,
			Status: status,
			Priority: plan.priority,
			Origin:
				ORIGIN[this.session && this.session.kind !== 'chat' ? this.session.kind : plan.channel],
			Type: this.r.pick(plan.theme.types),
			Reason: this.r.pick(plan.theme.reasons),
			ContactId: customer.id,
			AccountId: customer.accountId,
			ContactEmail: customer.email,
			ContactPhone: customer.phone,
			OwnerId: agentOwned && this.agent ? this.agent.id : this.queueInfo.id,
			SuppliedName: viaMail ? customer.name : null,
			SuppliedEmail: viaMail ? customer.email : null,
			SuppliedPhone: plan.channel === 'web' ? customer.phone : null,
			SuppliedCompany: plan.channel === 'web' ? customer.accountName : null,
			IsEscalated: false,
		};
		const store = this.w.org.store;
		this.caseId = store.insert('Case', values, {
			userId: agentOwned && this.agent ? this.agent.id : this.w.team.automationUserId,
		});
		this.status = status;
		this.caseNumber = String(store.get(this.caseId, 'Case')?.CaseNumber ?? '');
		this.setFact('caseNumber', this.caseNumber);
	}

	private updateCase(values: Row, userId: string | undefined): void {
		this.w.org.store.update('Case', this.caseId, values, {
			userId: userId ?? this.w.team.automationUserId,
		});
		if (typeof values.Status === 'string') this.status = values.Status;
	}

	// --- mail -----------------------------------------------------------------------------

	/** A line of `list` with probability p, else nothing. */
	private maybe(p: number, list: readonly string[]): string {
		return this.r.chance(p) ? fill(this.r.pick(list), this.facts) : '';
	}

	/** A line of `list` not used yet in this case (lists are short; long threads may repeat). */
	private fresh(list: readonly string[]): string {
		let seen = this.used.get(list);
		if (!seen) this.used.set(list, (seen = new Set()));
		let i = this.r.int(0, list.length - 1);
		for (let k = 0; k < list.length && seen.has(i); k++) i = (i + 1) % list.length;
		seen.add(i);
		if (seen.size >= list.length) seen.clear();
		return list[i];
	}

	/** The threading token of a mail sent now; none on mail imported from another helpdesk. */
	private token(): string {
		if (this.legacy) return '';
		const now = this.w.org.clock.now();
		return now >= this.w.lightningSince
			? lightningToken(this.caseId, this.w.seed)
			: refId(this.w.org.orgId, this.caseId);
	}

	private agentSubject(): string {
		const subject = `RE: ${stripReplyPrefixes(this.subjectBase)}`;
		const token = this.token();
		return token ? subjectWithToken(subject, token) : subject;
	}

	/** Adds a mail to the case's thread, dated now (or at the imported date of a data load). */
	private insertMail(m: NewMail): ThreadMail {
		this.thread ??= new MailThread(
			this.w.org.store,
			this.r,
			this.caseId,
			this.customer.region.utcOffsetMinutes,
		);
		return this.thread.add(m, this.messageDate ?? this.w.org.clock.now());
	}

	private setEmailStatus(m: ThreadMail, status: string): void {
		this.w.org.store.update(
			'EmailMessage',
			m.id,
			{ Status: status },
			{ userId: this.agent?.id ?? this.w.team.automationUserId },
		);
	}

	private customerMail(intent: CustomerIntent): void {
		const { customer, r } = this;
		const f = (s: string) => fill(s, this.facts);
		const business = !customer.email.endsWith('@example.com');
		if (this.cc === null && business && r.chance(intent === 'opening' ? 0.12 : 0.04))
			this.cc = customer.colleague.address;

		let text: string[];
		switch (intent) {
			case 'opening': {
				const extras = CUSTOMER.extra.filter(
					(x) => !x.includes('{colleague}') && (customer.phone || !x.includes('{phone}')),
				);
				text = [this.opening, f(r.pick(extras))];
				if (this.cc) text.push(f('My colleague {colleague} is in copy.'));
				break;
			}
			case 'details':
				text = [f(this.fresh(this.story.details))];
				break;
			case 'stillBroken':
				text = [f(this.fresh(this.story.stillBroken))];
				break;
			case 'nudge':
				text = [f(this.fresh(CUSTOMER.nudges))];
				break;
			case 'thanks':
				text = [f(this.fresh(CUSTOMER.thanks))];
				break;
			case 'reopen':
				text = [f(this.fresh(CUSTOMER.reopen)), f(this.fresh(this.story.stillBroken))];
				break;
		}
		const greeting =
			intent === 'nudge' && r.chance(0.6)
				? ''
				: intent === 'opening' || !this.lastAgentFirstName
					? f(r.pick(CUSTOMER.greetings))
					: fill(r.pick(CUSTOMER.greetingsToAgent), { agentFirstName: this.lastAgentFirstName });
		const signed = customer.signature.text !== '';
		const replyTo = intent === 'opening' ? undefined : this.thread?.last;
		const quoted = replyTo && (customer.quotesHistory || intent === 'nudge') ? replyTo : undefined;
		const subject =
			intent === 'opening' || !replyTo
				? this.subjectBase
				: `${customer.client.startsWith('outlook') ? customer.region.replyPrefix : 'Re'}: ${stripReplyPrefixes(replyTo.subject)}`;
		const to =
			intent === 'opening' || !replyTo
				? this.queueInfo.address
				: replyTo.incoming
					? replyTo.to
					: replyTo.from.address;
		const typed = customer.client === 'iphone' ? text.map(smartPunctuation) : text;
		const body = composeBody({
			client: customer.client,
			greeting,
			paragraphs: typed.filter((p) => p !== ''),
			closing: signed ? f(r.pick(CUSTOMER.closings)) : '',
			signature: customer.signature,
			offsetMinutes: customer.region.utcOffsetMinutes,
			dateOrder: customer.region.dateOrder,
			quoted,
		});
		const mail = this.insertMail({
			incoming: true,
			from: { name: customer.name, address: customer.email },
			to,
			cc: this.cc,
			subject,
			client: customer.client,
			domain: customer.domain,
			body,
			status: EMAIL_STATUS.new,
			fromId: customer.id,
			userId: this.w.team.automationUserId,
			replyTo,
		});
		this.unanswered.push(mail);
		// Email-to-Case copies the first mail's text into the case.
		if (intent === 'opening' && !this.legacy)
			this.w.org.store.update(
				'Case',
				this.caseId,
				{ Description: body.text.slice(0, 32000) },
				{ userId: this.w.team.automationUserId },
			);
	}

	private agentMail(intent: AgentIntent): void {
		const { r, plan } = this;
		if (!this.agent) this.agent = this.pickAgent(this.queue);
		const agent = this.agent;
		this.setFact('agentFirstName', agent.firstName);
		this.setFact('queueName', this.w.team.queues[plan.theme.escalateTo].name);
		const f = (s: string) => fill(s, this.facts);
		const openers = this.lastAgentFirstName ? AGENT.openers : AGENT.firstOpeners;
		let paragraphs: string[];
		switch (intent) {
			case 'first': {
				const opener =
					plan.channel === 'phone'
						? 'Thank you for calling us earlier today. As promised, here is a summary of what we discussed.'
						: plan.channel === 'chat' || plan.channel === 'messaging'
							? 'Thanks for chatting with us today. Here is a summary of our conversation for your records.'
							: f(r.pick(AGENT.firstOpeners));
				paragraphs = [opener, f(this.fresh(this.story.agentFirst)), this.maybe(0.6, AGENT.closers)];
				break;
			}
			case 'progress':
				paragraphs = [
					this.maybe(0.6, openers),
					f(this.fresh(this.story.agentProgress)),
					this.maybe(0.6, AGENT.closers),
				];
				break;
			case 'escalation':
				paragraphs = [this.maybe(0.6, openers), f(r.pick(AGENT.escalation))];
				break;
			case 'followUp':
				paragraphs = [f(this.fresh(AGENT.followUps))];
				break;
			case 'resolution':
				paragraphs = [this.maybe(0.6, openers), f(this.fresh(this.story.resolutions))];
				break;
			case 'reopened':
				paragraphs = [f(r.pick(AGENT.reopened)), f(this.fresh(this.story.resolutions))];
				break;
		}
		const replyTo = this.thread?.last;
		const body = this.agentBody(agent, paragraphs, replyTo);
		this.insertMail({
			incoming: false,
			from: { name: agent.name, address: this.queueInfo.address },
			to: this.customer.email,
			cc: this.cc,
			subject: this.agentSubject(),
			client: 'salesforce',
			domain: COMPANY.domain,
			body,
			status: EMAIL_STATUS.sent,
			fromId: agent.id,
			userId: agent.id,
			replyTo,
		});
		this.lastAgentFirstName = agent.firstName;
		// The mail answered is Replied; earlier unanswered ones were read on the way.
		for (const m of this.unanswered)
			this.setEmailStatus(m, m === replyTo ? EMAIL_STATUS.replied : EMAIL_STATUS.read);
		this.unanswered = [];
	}

	private agentBody(agent: Agent, paragraphs: string[], quoted: QuotedMail | undefined) {
		return composeBody({
			client: 'salesforce',
			greeting: fill(this.r.pick(AGENT.greetings), this.facts),
			paragraphs: paragraphs.filter((p) => p !== ''),
			closing: this.r.pick(['Kind regards,', 'Best regards,', 'Many thanks,', 'Best,']),
			signature: agent.signature,
			offsetMinutes: COMPANY.utcOffsetMinutes,
			dateOrder: 'month-first',
			quoted,
			trailer: this.token(),
		});
	}

	private autoResponse(): void {
		const from = { name: `${COMPANY.name} Support`, address: this.queueInfo.address };
		const body = composeBody({
			client: 'salesforce',
			greeting: `Dear ${this.customer.firstName},`,
			paragraphs: [fill(AUTO_RESPONSE, this.facts)],
			closing: '',
			signature: {
				text: `${COMPANY.name} Support\n${COMPANY.helpSite}`,
				html: `<p>${COMPANY.name} Support<br>${COMPANY.helpSite}</p>`,
			},
			offsetMinutes: COMPANY.utcOffsetMinutes,
			dateOrder: 'month-first',
			trailer: this.token(),
		});
		this.insertMail({
			incoming: false,
			from,
			to: this.customer.email,
			cc: null,
			subject: subjectWithToken(`We received your request (Case ${this.caseNumber})`, this.token()),
			client: 'salesforce',
			domain: COMPANY.domain,
			body,
			status: EMAIL_STATUS.sent,
			fromId: null,
			userId: this.w.team.automationUserId,
			replyTo: this.thread?.root,
		});
	}

	/** The agent forwards the customer's latest mail to an internal team; the customer never sees it. */
	private forward(): void {
		const agent = this.agent ?? (this.agent = this.pickAgent(this.queue));
		const original = [...this.unanswered].reverse().find((m) => m.incoming) ?? this.thread?.last;
		if (!original) return;
		const team = this.plan.theme.forwardTo ?? 'support';
		const body = composeBody({
			client: 'salesforce',
			greeting: '',
			paragraphs: [fill(this.r.pick(AGENT.forward), this.facts)],
			closing: '',
			signature: { text: '', html: '' },
			offsetMinutes: COMPANY.utcOffsetMinutes,
			dateOrder: 'month-first',
			quoted: original,
		});
		this.insertMail({
			incoming: false,
			from: { name: agent.name, address: this.queueInfo.address },
			to: `${team}@${COMPANY.domain}`,
			cc: null,
			subject: `FW: ${stripReplyPrefixes(original.subject)}`,
			client: 'salesforce',
			domain: COMPANY.domain,
			body,
			status: EMAIL_STATUS.sent,
			fromId: agent.id,
			userId: agent.id,
			replyTo: original,
			partOfThread: false,
		});
		this.setEmailStatus(original, EMAIL_STATUS.forwarded);
		this.unanswered = this.unanswered.filter((m) => m !== original);
	}

	/** A reply the agent started and has not sent. */
	private draft(): void {
		const agent = this.agent ?? (this.agent = this.pickAgent(this.queue));
		const body = this.agentBody(
			agent,
			[
				fill(this.r.pick(AGENT.openers), this.facts),
				fill(this.fresh(this.story.agentProgress), this.facts),
			],
			this.thread?.last,
		);
		this.insertMail({
			incoming: false,
			from: { name: agent.name, address: this.queueInfo.address },
			to: this.customer.email,
			cc: this.cc,
			subject: this.agentSubject(),
			client: 'salesforce',
			domain: COMPANY.domain,
			body,
			status: EMAIL_STATUS.draft,
			fromId: agent.id,
			userId: agent.id,
			replyTo: this.thread?.last,
			draft: true,
			partOfThread: false,
		});
	}
}
