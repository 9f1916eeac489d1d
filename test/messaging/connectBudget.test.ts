import { ConnectBudget } from '../../nodes/shared/messaging/connectBudget';
import { connectCallsPerHourOf } from '../../nodes/shared/messaging/budgetParameter';

// The workflow's budget of Connect calls over a rolling hour, kept per minute in static data.

const T = Date.UTC(2026, 4, 1, 8, 0, 30);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('Connect budget', () => {
	it('counts a call for at least an hour after it reached Salesforce, and says when the next one is allowed', () => {
		const budget = new ConnectBudget(2, undefined);
		budget.record(T);
		budget.record(T + 10 * MINUTE);
		expect(budget.left(T + 10 * MINUTE)).toBe(0);
		// Still counted an hour and a second after it was recorded (the Date header is to the second).
		expect(budget.left(T + HOUR + 1000)).toBe(0);
		const free = budget.nextFreeAt(T + 20 * MINUTE);
		expect(free).toBeGreaterThan(T + HOUR + 1000);
		expect(free).toBeLessThanOrEqual(T + HOUR + MINUTE + 2000);
		expect(budget.left(free)).toBe(1);
		expect(budget.left(T + 10 * MINUTE + HOUR + MINUTE + 2000)).toBe(2);
	});

	it('keeps a bounded log in static data, and reads it back', () => {
		const budget = new ConnectBudget(1000, undefined);
		for (let i = 0; i < 900; i++) budget.record(T + i * 3000);
		const now = T + 900 * 3000;
		const log = budget.toStaticData(now);
		expect(Object.keys(log).length).toBeLessThanOrEqual(62);
		expect(new ConnectBudget(1000, log).used(now)).toBe(budget.used(now));
		expect(budget.used(now)).toBe(900);
		expect(Object.keys(budget.toStaticData(now + 2 * HOUR))).toEqual([]);
		// A log damaged by hand counts what it can.
		expect(new ConnectBudget(5, { x: 3, [String(T)]: 'two' } as never).used(T)).toBe(0);
	});

	it.each([
		[500, 500],
		['20', 20],
	])('takes %p as the hourly budget', (value, expected) => {
		expect(connectCallsPerHourOf(value)).toBe(expected);
	});

	it.each([0, -1, 1001, 1.5, 'many', '', null])('refuses %p, naming the parameter', (value) => {
		expect(() => connectCallsPerHourOf(value)).toThrow(
			/^Connect API Calls per Hour must be a whole number from 1 to 1,000 \(Salesforce's hourly limit\), not /,
		);
	});
});
