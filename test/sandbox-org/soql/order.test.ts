import { startTestOrg, type TestOrg } from '../testing';
import { records, soql } from './query-helpers';

// ORDER BY (several keys, parent fields, ASC/DESC, NULLS FIRST/LAST), LIMIT and OFFSET.

describe('ORDER BY, LIMIT and OFFSET', () => {
	let t: TestOrg;

	const subjects = async (q: string) => (await records(t, q)).map((r) => r.Subject as string);

	beforeAll(async () => {
		t = await startTestOrg();
		const s = t.org.store;
		const zeta = s.insert('Account', { Name: 'zeta Corp' });
		const alpha = s.insert('Account', { Name: 'Alpha Inc' });
		s.insert('Case', {
			Subject: 'O 1',
			Status: 'New',
			Priority: 'High',
			AccountId: zeta,
			SuppliedName: 'b',
		});
		s.insert('Case', {
			Subject: 'O 2',
			Status: 'New',
			Priority: 'Low',
			AccountId: alpha,
			SuppliedName: null,
		});
		s.insert('Case', { Subject: 'O 3', Status: 'Closed', Priority: 'High', SuppliedName: 'A' });
		s.insert('Case', {
			Subject: 'O 4',
			Status: 'Closed',
			Priority: 'Low',
			AccountId: alpha,
			SuppliedName: 'c',
		});
	});
	afterAll(async () => {
		await t.close();
	});

	it('orders by several fields, each ASC or DESC', async () => {
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Status DESC, Priority DESC",
			),
		).toEqual(['O 2', 'O 1', 'O 4', 'O 3']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Priority, Subject DESC",
			),
		).toEqual(['O 3', 'O 1', 'O 4', 'O 2']);
	});

	it('compares text case-insensitively', async () => {
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' AND SuppliedName != null ORDER BY SuppliedName",
			),
		).toEqual(['O 3', 'O 1', 'O 4']);
	});

	it('puts nulls first by default, in both directions, and last with NULLS LAST', async () => {
		expect(
			(
				await subjects("SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY SuppliedName")
			)[0],
		).toBe('O 2');
		expect(
			(
				await subjects(
					"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY SuppliedName DESC",
				)
			)[0],
		).toBe('O 2');
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY SuppliedName DESC NULLS LAST",
			),
		).toEqual(['O 4', 'O 1', 'O 3', 'O 2']);
	});

	it('orders by parent fields, an empty parent counting as null', async () => {
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Account.Name, Subject",
			),
		).toEqual(['O 3', 'O 2', 'O 4', 'O 1']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Account.Name DESC NULLS LAST, Subject DESC",
			),
		).toEqual(['O 1', 'O 4', 'O 2', 'O 3']);
	});

	it('limits and skips rows; totalSize counts what LIMIT and OFFSET leave', async () => {
		const limited = await soql(
			t,
			"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Subject LIMIT 2",
		);
		expect(limited.body.totalSize).toBe(2);
		expect(limited.body.records.map((r: { Subject: string }) => r.Subject)).toEqual(['O 1', 'O 2']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Subject LIMIT 2 OFFSET 1",
			),
		).toEqual(['O 2', 'O 3']);
		expect(
			await subjects("SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Subject OFFSET 3"),
		).toEqual(['O 4']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'O %' ORDER BY Subject OFFSET 10",
			),
		).toEqual([]);
		expect(
			(await soql(t, "SELECT COUNT() FROM Case WHERE Subject LIKE 'O %' LIMIT 3")).body.totalSize,
		).toBe(3);
	});

	it('answers at most one batch of 2000 rows to a query with OFFSET', async () => {
		for (let i = 0; i < 2100; i++)
			t.org.store.insert('Lead', { LastName: `Offset ${i}`, Company: 'Offset Co' });
		const res = await soql(t, "SELECT Id FROM Lead WHERE Company = 'Offset Co' OFFSET 0");
		expect(res.body).toMatchObject({ totalSize: 2000, done: true });
		expect(res.body.records).toHaveLength(2000);
	});
});

describe('a small LIMIT over many rows', () => {
	it('answers the first rows of the full order, ties and nulls as the full order has them', async () => {
		const t = await startTestOrg();
		try {
			const priorities = ['High', 'Medium', 'Low'];
			for (let i = 0; i < 90; i++)
				t.org.store.insert('Case', {
					Subject: `M ${i % 7}`,
					Status: 'New',
					Priority: priorities[i % 3],
					SuppliedName: i % 5 === 0 ? null : `n${i % 4}`,
				});
			const ids = async (q: string) => (await records(t, q)).map((r) => r.Id as string);
			for (const order of ['Priority, SuppliedName', 'SuppliedName DESC NULLS LAST, Subject']) {
				const all = await ids(`SELECT Id FROM Case ORDER BY ${order}`);
				for (const limit of [1, 4, 10])
					expect(await ids(`SELECT Id FROM Case ORDER BY ${order} LIMIT ${limit}`)).toEqual(
						all.slice(0, limit),
					);
				expect(await ids(`SELECT Id FROM Case ORDER BY ${order} LIMIT 3 OFFSET 5`)).toEqual(
					all.slice(5, 8),
				);
			}
		} finally {
			await t.close();
		}
	});
});
