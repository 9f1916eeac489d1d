// What Salesforce computes on a legacy chat when it ends, from its lines: the response times of
// agent and visitor (seconds, average and longest) and who ended it.

import type { TranscriptLine } from './chat-transcript';

export interface ChatMetrics {
	AverageResponseTimeOperator: number | null;
	MaxResponseTimeOperator: number | null;
	AverageResponseTimeVisitor: number | null;
	MaxResponseTimeVisitor: number | null;
	EndedBy: 'Agent' | 'Visitor';
}

/** A response is the first line of one side after the other side spoke, timed from the line just before it. */
export function chatMetrics(lines: TranscriptLine[]): ChatMetrics {
	const agent: number[] = [];
	const visitor: number[] = [];
	for (let i = 1; i < lines.length; i++) {
		const before = lines[i - 1];
		const line = lines[i];
		const fromVisitor = line.role === 'EndUser';
		if (fromVisitor === (before.role === 'EndUser')) continue;
		(fromVisitor ? visitor : agent).push(Math.round((line.at - before.at) / 1000));
	}
	const avg = (xs: number[]) =>
		xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
	const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
	return {
		AverageResponseTimeOperator: avg(agent),
		MaxResponseTimeOperator: max(agent),
		AverageResponseTimeVisitor: avg(visitor),
		MaxResponseTimeVisitor: max(visitor),
		EndedBy: lines.length > 0 && lines[lines.length - 1].role === 'EndUser' ? 'Visitor' : 'Agent',
	};
}
