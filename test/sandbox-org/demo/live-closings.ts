// The demo org at work while `npm start` runs: every so often an agent closes the open case that has
// waited longest, so that a trigger watching the org sees new closings arrive.

import type { SandboxOrg } from '../org';

export interface LiveClosings {
	stop(): void;
	/** Cases closed so far. */
	closed: string[];
}

/** Closes one open case (the oldest with an email thread) every `everyMs`, as its owner, until stopped or none are left. */
export function startLiveClosings(
	org: SandboxOrg,
	everyMs: number,
	onClose?: (caseNumber: string) => void,
): LiveClosings {
	const closed: string[] = [];
	const closeOne = () => {
		const withThread = new Set(org.store.rows('EmailMessage').map((m) => String(m.ParentId)));
		const next = org.store
			.rows('Case')
			.filter((c) => !c.IsClosed && withThread.has(String(c.Id)))
			.sort((a, b) => Number(a.CreatedDate) - Number(b.CreatedDate))[0];
		if (!next) {
			clearInterval(timer);
			return;
		}
		const ownerIsUser = String(next.OwnerId).startsWith('005');
		org.store.update(
			'Case',
			String(next.Id),
			{ Status: 'Closed' },
			ownerIsUser ? { userId: String(next.OwnerId) } : {},
		);
		closed.push(String(next.Id));
		onClose?.(String(next.CaseNumber));
	};
	const timer = setInterval(closeOne, everyMs);
	timer.unref();
	return { closed, stop: () => clearInterval(timer) };
}
