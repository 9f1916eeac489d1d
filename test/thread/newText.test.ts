import { extractNewText } from '../../nodes/shared/thread';

// The failures the issue lists, one by one, as a reader would check them: the new text keeps what
// the customer wrote and nothing of the quoted history or signature.

describe('quote headers in other languages', () => {
	it.each([
		[
			'an Italian Outlook block',
			'Confermo, il problema è risolto.\n\nDa: Assistenza <support@voltaris.example>\nInviato: lunedì 4 maggio 2026 09:12\nA: Marco <marco@cliente.example>\nOggetto: R: Caricatore\n\nProvi a riavviare il caricatore.',
			'Confermo, il problema è risolto.',
		],
		[
			'a Russian Outlook block',
			'Проблема решена.\n\nОт: Поддержка <support@voltaris.example>\nОтправлено: 4 мая 2026 г. 9:12\nКому: Игорь <igor@client.example>\nТема: RE: Ошибка\n\nПопробуйте выполнить сброс.',
			'Проблема решена.',
		],
		[
			'a Spanish "Mensaje original" line',
			'Gracias, ya funciona.\n\n-----Mensaje original-----\nDe: Soporte [mailto:support@voltaris.example]\nEnviado el: lunes, 4 de mayo de 2026 9:12\n\nPruebe a reiniciar.',
			'Gracias, ya funciona.',
		],
		[
			'a German attribution wrapped over three lines',
			'Danke, es geht wieder.\n\nAm Fr., 28.\nApr. 2017 um 11:53 Uhr schrieb Kundenservice <\nsupport@voltaris.example>:\n\n> Bitte installieren Sie das Update.',
			'Danke, es geht wieder.',
		],
		[
			'a Russian attribution wrapped inside the address',
			'Спасибо, всё заработало.\n\nОльга Иванова <\nsupport@voltaris.example> написал:\n> Попробуйте обновить прошивку.',
			'Спасибо, всё заработало.',
		],
		[
			"Eudora's attribution",
			'Yes, Friday is fine.\n\nAt 6/16/2016 08:32 PM, you wrote:\n>Can we come on Friday?',
			'Yes, Friday is fine.',
		],
		[
			'a Japanese Gmail attribution ending with the address',
			'ありがとうございます。\n\n2026年5月4日(月) 9:12 Voltaris <support@voltaris.example>:\n> リセットをお試しください。',
			'ありがとうございます。',
		],
		[
			'a Korean Gmail attribution',
			'확인했습니다.\n\n2026년 5월 4일 (월) 오전 9:12, Voltaris <support@voltaris.example>님이 작성:\n> 초기화 버튼을 눌러 주세요.',
			'확인했습니다.',
		],
		[
			'an old Gmail attribution with no verb',
			'Received, thanks.\n\n2012/4/21 Voltaris <support@voltaris.example>\n> Your parcel was sent today.',
			'Received, thanks.',
		],
		[
			"Lotus Notes' header under the sender and date",
			'OK for me.\n\nJohn Smith/ACME@ACME\n05/04/2026 09:12 AM\nTo: Support <support@voltaris.example>\ncc:\nSubject: Re: Charger\n\nPlease confirm the visit.',
			'OK for me.',
		],
		[
			"a help desk's reply-above marker",
			'Thanks, that solved it.\n\n##- Please type your reply above this line -##\n\nYour request 4711 was updated.',
			'Thanks, that solved it.',
		],
	])('%s', (_, body, expected) => {
		expect(extractNewText(body)).toBe(expected);
	});
});

describe('quotes', () => {
	it('does not let a hard-wrapped fragment inside a quote keep the rest of the quote', () => {
		expect(
			extractNewText(
				'Thanks, I will try that tonight.\n\nOn Mon, May 4, 2026 at 9:12 AM Support <s@voltaris.example> wrote:\n> Please hold the reset button for ten seconds and wait until the display\nshows the firmware version\n> before you unplug the unit. If it still shows E-214, call us.\n>\n> Support',
			),
		).toBe('Thanks, I will try that tonight.');
	});
	it('keeps the answers of an inline reply and their questions, not the quoted tail', () => {
		expect(
			extractNewText(
				'On Mon, May 04, 2026 at 09:12AM +0200, Support wrote:\n> What is the serial number?\nHB20-1188-20417\n> When did you buy it?\nMarch 2026.\n>\n> Kind regards,\n> Support\n> This e-mail is confidential.',
			),
		).toBe('> What is the serial number?\nHB20-1188-20417\n> When did you buy it?\nMarch 2026.');
	});
	it('drops the quote above a bottom-posted reply', () => {
		expect(
			extractNewText(
				'Em seg., 4 de mai. de 2026 às 09:12, Suporte <s@voltaris.example> escreveu:\n\n> Pode confirmar o número de série?\n\nClaro: HB20-1188-20417.',
			),
		).toBe('Claro: HB20-1188-20417.');
	});
	it("keeps a forwarded mail under the forwarder's note", () => {
		const body =
			'See below, the address is wrong.\n\n---------- Forwarded message ---------\nFrom: Freight <noreply@freight.example>\nDate: Mon, May 4, 2026 at 8:01 AM\nSubject: Delivery\nTo: <orders@customer.example>\n\nYour parcel arrives on May 6.';
		expect(extractNewText(body)).toBe(body);
	});
});

describe('signatures', () => {
	it('cuts a name, title, phone and address block without a "--" line, keeping the name', () => {
		expect(
			extractNewText(
				'The meter reading is 48213 kWh.\n\nRebecca Holt\nSite Manager | Harbour Foods\nM: +44 7700 900123\n12 Quay Street, Leeds LS1 4AB',
			),
		).toBe('The meter reading is 48213 kWh.\n\nRebecca Holt');
	});
	it('cuts a mailing-list footer', () => {
		expect(
			extractNewText(
				'Has anyone seen E-214?\n\nChris\n\n_______________________________________________\nsolar-owners mailing list\nsolar-owners@lists.example.org\nhttps://lists.example.org/mailman/listinfo/solar-owners',
			),
		).toBe('Has anyone seen E-214?\n\nChris');
	});
	it.each([
		['Von meinem iPhone gesendet'],
		['Enviado desde mi iPhone'],
		['Samsung Galaxy akıllı telefonumdan gönderildi.'],
		['iPhoneから送信'],
		['发自我的iPhone'],
		['Get Outlook for iOS<https://aka.ms/o0ukef>'],
		['Sent from Windows Mail'],
	])('cuts "%s" as the last line', (line) => {
		expect(extractNewText(`OK, danke.\n\n${line}`)).toBe('OK, danke.');
	});
	it('keeps a sentence that starts "Sent from my desk"', () => {
		const body = 'Hello,\n\nSent from my desk, I can see the charger blinking red.\n\nEmily';
		expect(extractNewText(body)).toBe(body);
	});
	it('keeps a "Sent from my iPhone" line that the message goes on after', () => {
		const body =
			'Sent from my iPhone\nwas how your last mail ended, but the attachment was missing. Could you resend it?\n\nThanks,\nPriya';
		expect(extractNewText(body)).toBe(body);
	});
	it('keeps a sentence that starts like a footer when the message goes on under it', () => {
		const body =
			'Hello,\n\nTo unsubscribe from your newsletter I clicked the link, but the mails still come.\n\nThanks,\nPriya';
		expect(extractNewText(body)).toBe(body);
	});
	it.each([
		['a short postscript under the name', 'Works now.\n\nThanks,\nMia\nPS: call me at 5'],
		['a question under the name', 'Works now.\n\nThanks,\nMia\nCan you close it?'],
		['a label over a number', 'Here it is.\n\nSerial number\nHB20-1188-20417'],
	])('keeps %s', (_, body) => {
		expect(extractNewText(body)).toBe(body);
	});
	it('keeps a paragraph under "… wrote on <date>:" when no quote follows', () => {
		const body =
			'Hi,\n\nMy electrician wrote on 4 May 2026:\nthe inverter needs a new fuse.\n\nAnna';
		expect(extractNewText(body)).toBe(body);
	});
	it('keeps what follows a "Best regards" inside the body', () => {
		const body =
			'Their reply was short:\n\nBest regards,\nFacilities\n\nSo we still need the technician. Can you book him for Thursday?\n\nThanks,\nJames';
		expect(extractNewText(body)).toBe(body);
	});
	it('keeps the sign-off and name under "Kind regards,"', () => {
		expect(extractNewText('Works now.\n\nKind regards,\nLaura Bianchi')).toBe(
			'Works now.\n\nKind regards,\nLaura Bianchi',
		);
	});
});

describe('long bodies', () => {
	it('says how many lines past the first 1,000 it does not show', () => {
		const body = Array.from({ length: 1205 }, (_, i) => `log line ${i + 1}`).join('\n');
		const text = extractNewText(body);
		expect(text.split('\n').slice(0, 1000)).toEqual(body.split('\n').slice(0, 1000));
		expect(text.endsWith('\n\n[… 205 more lines not shown]')).toBe(true);
	});
	it('says nothing when the lines past 1,000 are quoted history', () => {
		const body = `New text.\n\nOn Mon, May 4, 2026 at 9:12 AM A <a@example.com> wrote:\n${'> old\n'.repeat(2000)}`;
		expect(extractNewText(body)).toBe('New text.');
	});

	// Each shape puts 10,000 lines (or a 100,000-character line) through the rules that could
	// backtrack: header labels, attribution endings, sign-offs, quote runs. A second is far above
	// what any of them takes (npm run bench measures the time); a rule that backtracks without bound
	// takes minutes.
	const lines = (n: number, line: (i: number) => string) =>
		Array.from({ length: n }, (_, i) => line(i)).join('\n');
	it.each([
		['100,000 characters of "From: " without a newline', 'From: '.repeat(16_667)],
		['100,000 characters ending in "wrote:"', `On ${'1 '.repeat(50_000)}wrote:`],
		['100,000 characters ending in ">:"', `${'<a@b '.repeat(20_000)}>:`],
		['100,000 "-" then words', `${'-'.repeat(100_000)} Original Message`],
		['10,000 header-label lines', lines(10_000, (i) => ['From: a', 'Sent: b', 'To: c'][i % 3])],
		['10,000 attribution-like lines', lines(10_000, (i) => `On ${i} May 2026 at 9:12 Ana wrote:`)],
		[
			'10,000 alternating quote and answer lines',
			lines(10_000, (i) => (i % 2 ? 'answer' : '> quoted line that was wrapped by the client')),
		],
		['10,000 sign-off lines', lines(10_000, () => 'Best regards,')],
		['10,000 lines of 200 characters', lines(10_000, (i) => `${i} `.padEnd(200, 'x'))],
	])('stays fast on %s', (_, body) => {
		const started = Date.now();
		extractNewText(`Hello\n${body}\nBye`);
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
