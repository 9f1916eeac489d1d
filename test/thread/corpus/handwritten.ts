// Hand-written replies for the corpus: client formats and traps the generator's templates do not
// produce (other webmails' headers, wrapped and reordered headers, sentences that look like
// signatures, inline replies with long quotes). Written for this project; none is taken from another
// project's fixtures. Each is [id, lang, client, style, body, expected, leaks, keep]; `leaks` are
// pieces of the quoted history or signature, `keep` pieces of the new text.

export type Handwritten = [
	id: string,
	lang: string,
	client: string,
	style: string,
	body: string,
	expected: string,
	leaks: string[],
	keep: string[],
];

export const HANDWRITTEN: Handwritten[] = [
	[
		'eudora-you-wrote',
		'en',
		'eudora',
		'top',
		`Yes, please send the technician on Friday.

Mark

At 6/16/2026 08:32 PM, you wrote:
>Can we schedule the visit for Friday morning?
>Regards, Support`,
		`Yes, please send the technician on Friday.

Mark`,
		['schedule the visit', 'you wrote'],
		['Yes, please send the technician on Friday.'],
	],
	[
		'yahoo-attribution',
		'en',
		'yahoo',
		'top',
		`The invoice number is INV-55120.

Sent from Yahoo Mail on Android

On Monday, May 4, 2026, 09:12:33 AM GMT+2, Voltaris Support <support@voltaris.example> wrote:

Could you send us the invoice number?
Thanks, Voltaris Support`,
		`The invoice number is INV-55120.`,
		['send us the invoice number', 'Yahoo Mail'],
		['The invoice number is INV-55120.'],
	],
	[
		'outlook-mac-date-label',
		'en',
		'outlook-mac',
		'top',
		`Hi Daniel,

That worked, the unit is charging again.

Thanks,
Rachel

From: Daniel Hughes <support@voltaris.example>
Date: Monday, 4 May 2026 at 09:12
To: Rachel Green <rachel@customer.example>
Subject: Re: Charger error

Hi Rachel, please try the reset described below.`,
		`Hi Daniel,

That worked, the unit is charging again.

Thanks,
Rachel`,
		['please try the reset'],
		['That worked, the unit is charging again.'],
	],
	[
		'gmx-sent-first',
		'de',
		'gmx',
		'top',
		`Guten Tag,

anbei das Foto vom Typenschild.

Gruß
Klaus Wagner

Gesendet: Montag, 04. Mai 2026 um 09:12 Uhr
Von: "Voltaris Kundenservice" <support@voltaris.example>
An: klaus.wagner@web.example
Betreff: Ihr Fall 00012345

Sehr geehrter Herr Wagner,
bitte senden Sie uns ein Foto vom Typenschild.`,
		`Guten Tag,

anbei das Foto vom Typenschild.

Gruß
Klaus Wagner`,
		['bitte senden Sie uns ein Foto', 'Gesendet: Montag'],
		['anbei das Foto vom Typenschild.'],
	],
	[
		'zimbra-original-spaced',
		'en',
		'zimbra',
		'top',
		`Please cancel the second order.

----- Original Message -----
From: "Voltaris Orders" <orders@voltaris.example>
To: "Paul Young" <paul@customer.example>
Sent: Monday, May 4, 2026 9:12:00 AM
Subject: Order confirmation

Thank you for your order SO-2026-7781.`,
		`Please cancel the second order.`,
		['Thank you for your order', 'Original Message'],
		['Please cancel the second order.'],
	],
	[
		'gmail-three-line-attribution',
		'de',
		'gmail',
		'top',
		`Danke, das Update hat funktioniert.

Am Fr., 28.
Apr. 2026 um 11:53 Uhr schrieb Voltaris Kundenservice <
support@voltaris.example>:

> Bitte installieren Sie das Update 3.8.1.`,
		`Danke, das Update hat funktioniert.`,
		['Bitte installieren Sie', 'schrieb'],
		['Danke, das Update hat funktioniert.'],
	],
	[
		'russian-wrapped-address',
		'ru',
		'thunderbird',
		'top',
		`Спасибо, всё заработало.

Ольга Иванова <
support@voltaris.example> написал:
> Попробуйте обновить прошивку.`,
		`Спасибо, всё заработало.`,
		['Попробуйте обновить', 'написал'],
		['Спасибо, всё заработало.'],
	],
	[
		'italian-outlook-block',
		'it',
		'outlook',
		'top',
		`Buongiorno,

confermo che il problema è risolto.

Da: Assistenza Voltaris <support@voltaris.example>
Inviato: lunedì 4 maggio 2026 09:12
A: Marco Bianchi <marco@cliente.example>
Oggetto: R: Caricatore guasto

Gentile Marco, provi a riavviare il caricatore.`,
		`Buongiorno,

confermo che il problema è risolto.`,
		['provi a riavviare', 'Inviato:'],
		['confermo che il problema è risolto.'],
	],
	[
		'russian-outlook-block',
		'ru',
		'outlook',
		'top',
		`Добрый день!

Проблема решена, заявку можно закрыть.

От: Служба поддержки Voltaris <support@voltaris.example>
Отправлено: 4 мая 2026 г. 9:12
Кому: Игорь Петров <igor@client.example>
Тема: RE: Ошибка E-214

Игорь, попробуйте выполнить сброс.`,
		`Добрый день!

Проблема решена, заявку можно закрыть.`,
		['попробуйте выполнить сброс', 'Отправлено:'],
		['Проблема решена, заявку можно закрыть.'],
	],
	[
		'spanish-original-message',
		'es',
		'outlook',
		'top',
		`Gracias, ya funciona.

-----Mensaje original-----
De: Soporte Voltaris [mailto:support@voltaris.example]
Enviado el: lunes, 4 de mayo de 2026 9:12
Para: Lucía García
Asunto: Cargador

Hola Lucía, pruebe a reiniciar el cargador.`,
		`Gracias, ya funciona.`,
		['pruebe a reiniciar', 'Mensaje original'],
		['Gracias, ya funciona.'],
	],
	[
		'sent-from-my-desk-sentence',
		'en',
		'gmail',
		'none',
		`Hello,

Sent from my desk, I can see the charger blinking red, so the reset did not help.
Best regards from the whole team, and thanks for the quick replies so far.

Emily`,
		`Hello,

Sent from my desk, I can see the charger blinking red, so the reset did not help.
Best regards from the whole team, and thanks for the quick replies so far.

Emily`,
		[],
		['Sent from my desk, I can see the charger blinking red', 'Best regards from the whole team'],
	],
	[
		'best-regards-mid-body',
		'en',
		'outlook',
		'none',
		`Hi Sofia,

I passed your note on to our facilities team. Their reply was short:

Best regards,
Facilities

So we still need the technician. Can you book him for Thursday?

Thanks,
James`,
		`Hi Sofia,

I passed your note on to our facilities team. Their reply was short:

Best regards,
Facilities

So we still need the technician. Can you book him for Thursday?

Thanks,
James`,
		[],
		['So we still need the technician. Can you book him for Thursday?'],
	],
	[
		'ps-after-sign-off',
		'de',
		'thunderbird',
		'top',
		`Hallo Frau Weiß,

das Gerät läuft wieder.

Viele Grüße
Anna Schneider

PS: Die alte Batterie können Sie nächste Woche abholen, ich bin ab 8 Uhr im Büro.

Am 04.05.26 um 09:12 schrieb Katrin Weiß:
> Bitte prüfen Sie das Gerät nach dem Update.`,
		`Hallo Frau Weiß,

das Gerät läuft wieder.

Viele Grüße
Anna Schneider

PS: Die alte Batterie können Sie nächste Woche abholen, ich bin ab 8 Uhr im Büro.`,
		['Bitte prüfen Sie das Gerät'],
		['PS: Die alte Batterie können Sie nächste Woche abholen'],
	],
	[
		'signature-no-sign-off',
		'en',
		'outlook',
		'top',
		`The meter reading today is 48213 kWh.

Rebecca Holt
Site Manager | Harbour Foods
M: +44 7700 900123
harbourfoods.example

From: Voltaris Billing <billing@voltaris.example>
Sent: 04 May 2026 09:12
To: Rebecca Holt <rebecca@harbourfoods.example>
Subject: Meter reading

Please send us today's meter reading.`,
		`The meter reading today is 48213 kWh.

Rebecca Holt`,
		['Site Manager', '+44 7700 900123', "send us today's meter reading"],
		['The meter reading today is 48213 kWh.'],
	],
	[
		'mailing-list-footer',
		'en',
		'mailman',
		'none',
		`Has anyone seen E-214 after the 3.8.1 update? Ours started yesterday.

Chris

_______________________________________________
solar-owners mailing list
solar-owners@lists.example.org
https://lists.example.org/mailman/listinfo/solar-owners`,
		`Has anyone seen E-214 after the 3.8.1 update? Ours started yesterday.

Chris`,
		['mailing list', 'listinfo'],
		['Has anyone seen E-214 after the 3.8.1 update?'],
	],
	[
		'google-groups-footer',
		'en',
		'google-groups',
		'none',
		`Same here, the reset fixed it for us.

--
You received this message because you are subscribed to the Google Groups "Solar Owners" group.
To unsubscribe from this group and stop receiving emails from it, send an email to solar-owners+unsubscribe@googlegroups.example.`,
		`Same here, the reset fixed it for us.`,
		['Google Groups', 'unsubscribe'],
		['Same here, the reset fixed it for us.'],
	],
	[
		'inline-no-blank-lines',
		'en',
		'mutt',
		'inline',
		`On Mon, May 04, 2026 at 09:12:00AM +0200, Voltaris Support wrote:
> What is the serial number?
HB20-1188-20417
> When did you buy it?
March 2026.
>
> Kind regards,
> Voltaris Support
> www.voltaris.example`,
		`> What is the serial number?
HB20-1188-20417
> When did you buy it?
March 2026.`,
		['www.voltaris.example', 'Kind regards'],
		['HB20-1188-20417', 'March 2026.'],
	],
	[
		'wrapped-fragment-in-quote',
		'en',
		'outlook-express',
		'top',
		`Thanks, I will try that tonight.

Voltaris Support wrote:
> Please hold the reset button for ten seconds and wait until the display
shows the firmware version
> before you unplug the unit. If it still shows E-214, call us.
>
> Voltaris Support`,
		`Thanks, I will try that tonight.`,
		['hold the reset button', 'shows the firmware version', 'call us'],
		['Thanks, I will try that tonight.'],
	],
	[
		'quoted-tail-after-answers',
		'fr',
		'thunderbird',
		'inline',
		`Bonjour,

Le 04/05/2026 à 09:12, Service client Voltaris a écrit :
> Quel est le numéro de série ?

HB20-1188-20417

> Quelle est la date d'achat ?

Mars 2026.

> Cordialement,
> Service client Voltaris
> Ce message et toutes les pièces jointes sont confidentiels.`,
		`Bonjour,

> Quel est le numéro de série ?

HB20-1188-20417

> Quelle est la date d'achat ?

Mars 2026.`,
		['pièces jointes sont confidentiels', 'a écrit'],
		['HB20-1188-20417', 'Mars 2026.'],
	],
	[
		'japanese-outlook',
		'ja',
		'outlook',
		'top',
		`ご連絡ありがとうございます。
リセット後、正常に動作しています。

田中

差出人: Voltarisサポート <support@voltaris.example>
送信日時: 2026年5月4日 9:12
宛先: 田中 太郎 <tanaka@client.example>
件名: RE: 充電器のエラー

リセットをお試しください。`,
		`ご連絡ありがとうございます。
リセット後、正常に動作しています。

田中`,
		['リセットをお試しください', '差出人'],
		['リセット後、正常に動作しています。'],
	],
	[
		'chinese-qq-mail',
		'zh',
		'qq',
		'top',
		`已经收到，谢谢。

------------------ 原始邮件 ------------------
发件人: "Voltaris客服"<support@voltaris.example>;
发送时间: 2026年5月4日(星期一) 上午9:12
收件人: "王伟"<wangwei@client.example>;
主题: 回复：充电器故障

您好，替换的充电器已经发出。`,
		`已经收到，谢谢。`,
		['替换的充电器已经发出', '原始邮件'],
		['已经收到，谢谢。'],
	],
	[
		'korean-naver',
		'ko',
		'naver',
		'top',
		`확인했습니다. 감사합니다.

-----Original Message-----
From: "Voltaris 고객지원"<support@voltaris.example>
To: "김민수"<minsu@client.example>;
Cc:
Sent: 2026-05-04 (월) 09:12:00 (GMT+09:00)
Subject: 충전기 오류

초기화 버튼을 10초 동안 눌러 주세요.`,
		`확인했습니다. 감사합니다.`,
		['초기화 버튼을', 'Original Message'],
		['확인했습니다.'],
	],
	[
		'turkish-outlook',
		'tr',
		'outlook',
		'top',
		`Merhaba,

cihaz şimdi çalışıyor, teşekkürler.

Gönderen: Voltaris Destek <support@voltaris.example>
Gönderildi: 4 Mayıs 2026 Pazartesi 09:12
Alıcı: Ayşe Yılmaz <ayse@musteri.example>
Konu: YNT: Şarj cihazı

Lütfen cihazı yeniden başlatın.`,
		`Merhaba,

cihaz şimdi çalışıyor, teşekkürler.`,
		['yeniden başlatın', 'Gönderen:'],
		['cihaz şimdi çalışıyor, teşekkürler.'],
	],
	[
		'ukrainian-gmail-wrapped',
		'uk',
		'gmail',
		'top',
		`Дякую, пристрій працює.

пн, 4 трав. 2026 р. о 09:12 Служба підтримки Voltaris <
support@voltaris.example> пише:

> Спробуйте оновити прошивку.`,
		`Дякую, пристрій працює.`,
		['Спробуйте оновити', 'пише'],
		['Дякую, пристрій працює.'],
	],
	[
		'czech-seznam',
		'cs',
		'seznam',
		'top',
		`Dobrý den,

posílám fotku štítku.

S pozdravem
Jan Novák

---------- Původní e-mail ----------
Od: Voltaris podpora <support@voltaris.example>
Komu: jan.novak@seznam.example
Datum: 4. 5. 2026 9:12:00
Předmět: Chyba E-214

Pošlete nám prosím fotku štítku.`,
		`Dobrý den,

posílám fotku štítku.

S pozdravem
Jan Novák`,
		['Pošlete nám prosím', 'Původní e-mail'],
		['posílám fotku štítku.'],
	],
	[
		'polish-onet',
		'pl',
		'webmail',
		'top',
		`Dzień dobry,

potwierdzam, usterka ustąpiła.

Pozdrawiam
Katarzyna Nowak

Dnia 4 maja 2026 09:12 Voltaris <support@voltaris.example> napisał(a):

> Prosimy o potwierdzenie, czy usterka ustąpiła.`,
		`Dzień dobry,

potwierdzam, usterka ustąpiła.

Pozdrawiam
Katarzyna Nowak`,
		['Prosimy o potwierdzenie', 'napisał'],
		['potwierdzam, usterka ustąpiła.'],
	],
	[
		'swedish-outlook-bold',
		'sv',
		'outlook',
		'top',
		`Hej,

tack, nu fungerar laddaren.

*Från:* Voltaris Support <support@voltaris.example>
*Skickat:* den 4 maj 2026 09:12
*Till:* Karin Lindqvist <karin@kund.example>
*Ämne:* SV: Laddaren

Hej Karin, prova att starta om laddaren.`,
		`Hej,

tack, nu fungerar laddaren.`,
		['prova att starta om', 'Skickat'],
		['tack, nu fungerar laddaren.'],
	],
	[
		'dutch-apple-mobile',
		'nl',
		'ios',
		'top',
		`Top, dank je!

Verstuurd vanaf mijn iPhone

> Op 4 mei 2026 om 09:12 heeft Voltaris Support <support@voltaris.example> het volgende geschreven:
>
> De monteur komt donderdag.`,
		`Top, dank je!`,
		['De monteur komt donderdag', 'Verstuurd vanaf'],
		['Top, dank je!'],
	],
	[
		'norwegian-android',
		'no',
		'android',
		'top',
		`Det passer fint på torsdag.

Sendt fra Samsung Galaxy-smarttelefonen min.

-------- Opprinnelig melding --------
Fra: Voltaris Support <support@voltaris.example>
Dato: 04.05.2026 09:12 (GMT+01:00)
Til: ole@kunde.example
Emne: Besøk

Passer det med besøk på torsdag?`,
		`Det passer fint på torsdag.`,
		['Passer det med besøk', 'Opprinnelig melding', 'Sendt fra'],
		['Det passer fint på torsdag.'],
	],
	[
		'danish-mobile-outlook',
		'da',
		'outlook-ios',
		'top',
		`Ja, det er i orden.

Hent Outlook til iOS
________________________________
Fra: Voltaris Support <support@voltaris.example>
Sendt: Monday, May 4, 2026 9:12:00 AM
Til: Lars Nielsen <lars@kunde.example>
Emne: SV: Faktura

Må vi sende en ny faktura?`,
		`Ja, det er i orden.`,
		['Må vi sende en ny faktura', 'Hent Outlook'],
		['Ja, det er i orden.'],
	],
	[
		'portuguese-gmail-bottom',
		'pt',
		'gmail',
		'bottom',
		`Em seg., 4 de mai. de 2026 às 09:12, Suporte Voltaris <
support@voltaris.example> escreveu:

> Pode confirmar o número de série?
>

Claro: HB20-1188-20417.

Obrigado,
João`,
		`Claro: HB20-1188-20417.

Obrigado,
João`,
		['Pode confirmar o número', 'escreveu'],
		['Claro: HB20-1188-20417.'],
	],
	[
		'french-dash-signature',
		'fr',
		'thunderbird',
		'none',
		`Bonjour,

le technicien peut passer mardi.

Cordialement,
Camille Durand

-- 
Camille Durand
Responsable des achats
Durand Services SARL - 01 42 68 53 00`,
		`Bonjour,

le technicien peut passer mardi.

Cordialement,
Camille Durand`,
		['Responsable des achats', '01 42 68 53 00'],
		['le technicien peut passer mardi.'],
	],
	[
		'confidentiality-footer-mid-reply',
		'en',
		'outlook',
		'top',
		`Hi,

Please find the signed form attached.

Kind regards,
Tom Becker

This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient, please notify the sender and delete it.

From: Voltaris Support <support@voltaris.example>
Sent: 04 May 2026 09:12
To: Tom Becker <tom@customer.example>
Subject: Form

Please sign and return the attached form.`,
		`Hi,

Please find the signed form attached.

Kind regards,
Tom Becker`,
		['intended recipient', 'sign and return'],
		['Please find the signed form attached.'],
	],
	[
		'forward-thunderbird',
		'en',
		'thunderbird',
		'forward',
		`See the delivery notice below, the address is wrong.

-------- Forwarded Message --------
Subject: 	Your delivery SO-2026-024560
Date: 	Mon, 4 May 2026 08:01:00 +0000
From: 	NorthStar Freight <noreply@northstar.example>
To: 	orders@customer.example

Your parcel will be delivered on May 6 to 12 Harbour Road, Leeds.`,
		`See the delivery notice below, the address is wrong.

-------- Forwarded Message --------
Subject: 	Your delivery SO-2026-024560
Date: 	Mon, 4 May 2026 08:01:00 +0000
From: 	NorthStar Freight <noreply@northstar.example>
To: 	orders@customer.example

Your parcel will be delivered on May 6 to 12 Harbour Road, Leeds.`,
		[],
		['the address is wrong', 'Your parcel will be delivered on May 6'],
	],
	[
		'attribution-like-sentence',
		'en',
		'gmail',
		'none',
		`Hi,

On Monday at 9:30 your technician wrote: "unit replaced". It was not replaced.
He only swapped the cable.

Regards,
Paul`,
		`Hi,

On Monday at 9:30 your technician wrote: "unit replaced". It was not replaced.
He only swapped the cable.

Regards,
Paul`,
		[],
		['It was not replaced.', 'He only swapped the cable.'],
	],
	[
		'from-line-in-body',
		'en',
		'gmail',
		'none',
		`Hello,

The label on the box says:
From: Voltaris Warehouse, Unit 4
To: Harbour Foods, Leeds

but the parcel never arrived. Can you check with the courier?

Rebecca`,
		`Hello,

The label on the box says:
From: Voltaris Warehouse, Unit 4
To: Harbour Foods, Leeds

but the parcel never arrived. Can you check with the courier?

Rebecca`,
		[],
		['but the parcel never arrived.', 'From: Voltaris Warehouse, Unit 4'],
	],
	[
		'sent-from-mid-body-line',
		'en',
		'gmail',
		'none',
		`Hi,

Sent from my iPhone
was how your last mail ended, but the attachment was missing. Could you resend it?

Thanks,
Priya`,
		`Hi,

Sent from my iPhone
was how your last mail ended, but the attachment was missing. Could you resend it?

Thanks,
Priya`,
		[],
		['was how your last mail ended', 'Could you resend it?'],
	],
	[
		'gmail-nested-quotes',
		'en',
		'gmail',
		'top',
		`Thanks, closing the case is fine.

Jane

On Tue, May 5, 2026 at 10:00 AM Voltaris Support <support@voltaris.example> wrote:

> Can we close the case?
>
> On Mon, May 4, 2026 at 9:12 AM Jane Doe <jane@customer.example> wrote:
>
>> The unit works again.`,
		`Thanks, closing the case is fine.

Jane`,
		['Can we close the case?', 'The unit works again.'],
		['Thanks, closing the case is fine.'],
	],
	[
		'spanish-iphone-bottom-sent',
		'es',
		'ios',
		'top',
		`Perfecto, el jueves nos va bien.

Enviado desde mi iPhone

El 4 may 2026, a las 9:12, Soporte Voltaris <support@voltaris.example> escribió:

Hola, ¿le va bien el jueves?`,
		`Perfecto, el jueves nos va bien.`,
		['le va bien el jueves', 'Enviado desde'],
		['Perfecto, el jueves nos va bien.'],
	],
	[
		'german-signature-block-gmbh',
		'de',
		'outlook',
		'top',
		`Sehr geehrte Damen und Herren,

bitte stornieren Sie die Bestellung 4711.

Mit freundlichen Grüßen

Jonas Becker
Einkauf
Becker Haustechnik GmbH & Co. KG
Hauptstraße 5 | 80331 München
Tel. +49 89 1234 5678
www.becker-haustechnik.example

Sitz der Gesellschaft: München, Registergericht: Amtsgericht München HRB 123456

Von: Voltaris Bestellungen <orders@voltaris.example>
Gesendet: Montag, 4. Mai 2026 09:12
An: Jonas Becker <jonas@becker.example>
Betreff: Bestellbestätigung 4711

Vielen Dank für Ihre Bestellung.`,
		`Sehr geehrte Damen und Herren,

bitte stornieren Sie die Bestellung 4711.

Mit freundlichen Grüßen

Jonas Becker`,
		['Registergericht', 'Vielen Dank für Ihre Bestellung', 'Einkauf'],
		['bitte stornieren Sie die Bestellung 4711.'],
	],
	[
		'italian-libero-attribution',
		'it',
		'libero',
		'top',
		`Perfetto, grazie.

In data 4 maggio 2026 09:12:00 Assistenza Voltaris <support@voltaris.example> ha scritto:

> Il tecnico passerà giovedì.`,
		`Perfetto, grazie.`,
		['Il tecnico passerà', 'ha scritto'],
		['Perfetto, grazie.'],
	],
	[
		'french-outlook-spaced-colons',
		'fr',
		'outlook',
		'top',
		`Bonjour,

c'est noté pour mardi.

De : Service client Voltaris <support@voltaris.example>
Envoyé : lundi 4 mai 2026 09:12
À : Jean Dupont <jean@client.example>
Objet : RE: Intervention

Le technicien passera mardi matin.`,
		`Bonjour,

c'est noté pour mardi.`,
		['Le technicien passera', 'Envoyé :'],
		["c'est noté pour mardi."],
	],
	[
		'long-body-cap',
		'en',
		'plain',
		'none',
		Array.from({ length: 1205 }, (_, i) => `log line ${i + 1}: voltage ok`).join('\n'),
		`${Array.from({ length: 1000 }, (_, i) => `log line ${i + 1}: voltage ok`).join('\n')}\n\n[… 205 more lines not shown]`,
		[],
		['log line 1000: voltage ok', '[… 205 more lines not shown]'],
	],
];
