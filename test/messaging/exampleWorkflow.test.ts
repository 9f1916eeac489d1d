import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from '../trigger/triggerSetup';

// The example workflow test/workflows/messaging-session-ended.json against the sandbox org's demo
// data: its trigger's parameters import the demo's ended messaging sessions with their messages,
// and its "Build prompt" code turns each into a prompt with the conversation.

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
}

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../workflows/messaging-session-ended.json'), 'utf8'),
) as { nodes: WorkflowNode[] };
const node = (name: string) => workflow.nodes.find((n) => n.name === name) as WorkflowNode;

describe('example workflow: messaging-session-ended.json', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg({ seed: 5, cases: 80 });
	});
	afterAll(async () => {
		await t.close();
	});

	it("imports the demo org's ended messaging sessions with their messages, and builds a prompt of each conversation", async () => {
		const { pollTimes: _, ...parameters } = node('Messaging Session Ended').parameters;
		const poller = await activateTrigger(t, parameters as INodeParameters);
		const items = emittedJson(await poller.poll());
		const ended = t.org.store
			.rows('MessagingSession')
			.filter(
				(s) => s.Status === 'Ended' && (s.EndTime as number) >= t.org.clock.now() - 7 * 86_400_000,
			);
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBe(Math.min(100, ended.length));
		for (const item of items) expect((item.messages as unknown[]).length).toBeGreaterThan(0);

		// The Code node's script, run as n8n runs it: `$input.all()` gives the trigger's items.
		const script = String(node('Build prompt').parameters.jsCode);
		const run = new Function('$input', script) as (input: {
			all: () => Array<{ json: IDataObject }>;
		}) => Array<{ json: IDataObject }>;
		const prompts = run({ all: () => items.map((json) => ({ json })) });
		expect(prompts).toHaveLength(items.length);
		const first = items[0];
		const firstMessage = (first.messages as IDataObject[])[0];
		expect(prompts[0].json).toMatchObject({
			sessionId: first.Id,
			caseId: first.CaseId,
			messageCount: (first.messages as unknown[]).length,
		});
		expect(String(prompts[0].json.prompt)).toContain(String(firstMessage.text));
		expect(String(prompts[0].json.prompt)).toMatch(/^(Customer|Agent|Bot)( \([^)]+\))?: /m);
	});
});
