import { mayRepeat } from '../../nodes/shared/transport/retryPolicy';

// The retry rule: a 503 (nothing applied) and a connection refused before sending may be repeated
// for every method; anything else that may have reached Salesforce only for repeatable methods.

describe('which failed requests may be sent again', () => {
	it.each(['POST', 'PATCH', 'GET', 'DELETE'] as const)(
		'%s: a 503 answer and a refused connection, yes',
		(method) => {
			expect(mayRepeat(method, { statusCode: 503 })).toBe(true);
			expect(mayRepeat(method, { networkCode: 'ECONNREFUSED' })).toBe(true);
		},
	);

	it('POST: a connection lost or timed out after sending, a 500, a locked row: no (it may have been applied)', () => {
		for (const networkCode of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'])
			expect(mayRepeat('POST', { networkCode })).toBe(false);
		expect(mayRepeat('POST', { statusCode: 500 })).toBe(false);
		expect(mayRepeat('POST', { statusCode: 400 })).toBe(false);
	});

	it('PATCH (update, upsert): a connection lost after sending, yes (the same request applied twice changes nothing)', () => {
		expect(mayRepeat('PATCH', { networkCode: 'ECONNRESET' })).toBe(true);
		expect(mayRepeat('PATCH', { statusCode: 400 })).toBe(false);
	});
});
