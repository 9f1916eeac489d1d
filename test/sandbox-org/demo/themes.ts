// What the demo customers write about: support themes of a company that sells home and small
// business energy equipment (batteries, inverters, generators, EV chargers) with a monitoring app
// and service plans. Each theme routes to a queue and maps to the org's Case picklists; the
// templates' {placeholders} are filled from the case's facts (see facts.ts).

import type { Weighted } from './random';

export type QueueKey = 'tier1' | 'billing' | 'escalations' | 'returns';
export type CasePriority = 'High' | 'Medium' | 'Low';

export type StoryPart = 'details' | 'stillBroken' | 'agentFirst' | 'agentProgress' | 'resolutions';

/** The lines a case's story is told with. */
export type Story = Record<StoryPart, readonly string[]>;

export type ProductKind = 'battery' | 'inverter' | 'generator' | 'charger' | 'hub';

/** One thing customers write in about: subject lines that fit the first message, and the story's own lines. */
export interface Issue extends Partial<Record<StoryPart, readonly string[]>> {
	subjects: readonly string[];
	opening: string;
	/** The products the issue can be about, when not any. */
	products?: readonly ProductKind[];
}

export interface Theme {
	key: string;
	/** How often the theme comes up, relative to the others. */
	weight: number;
	/** The queue its email and web cases land in. */
	queue: QueueKey;
	/** Where an agent sends it when it needs more than the first line. */
	escalateTo: QueueKey;
	/** Case.Type values (Mechanical, Electrical, Electronic, Structural, Other). */
	types: readonly string[];
	/** Case.Reason values. */
	reasons: readonly string[];
	priority: Weighted<CasePriority>;
	/** What customers write in about; an issue's own lines, where it has them, replace the theme's. */
	issues: readonly Issue[];
	/** A customer's answer with the details the agent asked for. */
	details: readonly string[];
	/** A customer reporting that the first fix did not work. */
	stillBroken: readonly string[];
	/** The agent's first answer. */
	agentFirst: readonly string[];
	/** The agent's answers while the case is being worked. */
	agentProgress: readonly string[];
	/** The agent's answer that resolves the case. */
	resolutions: readonly string[];
	/** Internal notes on the case (CaseComment). */
	notes: readonly string[];
	/** The internal team an agent forwards the customer's mail to, if any. */
	forwardTo?: string;
}

export const THEMES: readonly Theme[] = [
	{
		key: 'billing-double-charge',
		weight: 9,
		queue: 'billing',
		escalateTo: 'escalations',
		types: ['Other'],
		reasons: ['Other'],
		priority: [
			['High', 2],
			['Medium', 6],
			['Low', 2],
		],
		issues: [
			{
				subjects: ['Charged twice for {plan}', 'Why was I billed two times this month?'],
				opening:
					'I just checked my bank statement and I was charged {amount} twice for {plan} on {date}. Only one of those should be there. Can you please refund the duplicate?',
			},
			{
				subjects: ['Duplicate payment for invoice {invoice}', 'Double charge on my card'],
				opening:
					'Our card was billed two times for invoice {invoice} ({amount} each). Your portal only shows one invoice, but the bank shows two charges. Please fix this.',
			},
			{
				subjects: ['Charged twice for {plan} – again', 'Billing error – two charges of {amount}'],
				opening:
					'We renewed {plan} last week and the renewal went through twice. This is the second time this has happened this year, which is frustrating. Please refund the extra {amount} and make sure it does not happen again.',
			},
			{
				subjects: ['Double charge on our company card', 'Billing error – two charges of {amount}'],
				opening:
					'There are two identical charges from Voltaris on our company card dated {date}. Our accounts team needs this corrected before month end.',
			},
		],
		details: [
			'The two transactions are both {amount}, both on {date}. The card ends in {last4}. The reference on the statement says VOLTARIS*CARE.',
			'Here are the details you asked for: invoice {invoice}, card ending {last4}, both charges posted on {date}.',
			'Our account number is {accountNumber}. Both charges show as completed, not pending.',
		],
		stillBroken: [
			'The refund you mentioned still hasn’t appeared on our statement. It has been {days} business days.',
			'I can see the refund for one charge but now there is a third charge of {amount} from yesterday?!',
			'Our bank says they have not received any refund from you. Can you send me the refund reference?',
		],
		agentFirst: [
			'I’m sorry about the duplicate charge. I can see two payments of {amount} against invoice {invoice}; one of them was taken when the payment page timed out and was retried. I’ve raised a refund for the duplicate.',
			'Thanks for flagging this. To find both transactions, could you send me the last four digits of the card and the dates shown on your statement?',
			'I’ve looked at your billing history and I can confirm the renewal for {plan} was processed twice. I’ve asked our billing team to reverse the second charge.',
		],
		agentProgress: [
			'Quick update: the refund of {amount} was issued on our side today (reference {refundRef}). Banks usually take 5–10 business days to show it.',
			'Our billing team has confirmed the duplicate and the reversal is in progress. I’ll keep this case open until you confirm you’ve received it.',
			'I checked with our payments provider: the refund left our account on {date}. If your bank still can’t see it, they can trace it with reference {refundRef}.',
		],
		resolutions: [
			'The duplicate charge of {amount} has been refunded (reference {refundRef}) and I’ve added a note to your account so renewals are only attempted once. I’ll close this case now, but just reply to this email if anything else comes up.',
			'Good news – the refund has been confirmed as completed. I’ve also applied a one-month credit to {plan} for the inconvenience. I’m closing this case; replying to this email will reopen it.',
		],
		notes: [
			'Duplicate charge confirmed in billing system. Refund {refundRef} issued for {amount}.',
			'Payment gateway timeout on renewal, retry created second charge. Known issue BILL-{ticket}.',
			'Customer upset – second occurrence this year. Applied 1 month goodwill credit, approved by team lead.',
		],
	},
	{
		key: 'billing-invoice',
		weight: 7,
		queue: 'billing',
		escalateTo: 'billing',
		types: ['Other'],
		reasons: ['Other', 'Feedback'],
		priority: [
			['High', 1],
			['Medium', 6],
			['Low', 3],
		],
		issues: [
			{
				subjects: ['Invoice amount doesn’t match the quote', 'Invoice {invoice} is wrong'],
				opening:
					'The invoice {invoice} we received shows {amount}, but the quote we accepted was {amount2}. Can you please check and send a corrected invoice?',
				details: [
					'Attached is the quote we signed (Q-{ticket}). It clearly says {amount2} including installation.',
				],
				stillBroken: [
					'Thanks, but the new invoice shows {amount} again. Did the correction go through?',
				],
				agentFirst: [
					'Thanks for pointing this out. I’ve compared the invoice with your quote and there’s a difference of {diff} – it looks like the installation discount wasn’t applied. I’m getting this corrected.',
				],
				agentProgress: [
					'I’ve asked our billing team to reissue invoice {invoice} with the discount; it usually takes one to two business days.',
				],
				resolutions: [
					'Please find the corrected invoice {invoice}-A attached to this email. The original has been cancelled, so there’s nothing further to pay on it. I’ll close this case now.',
				],
			},
			{
				subjects: [
					'VAT number missing on invoice {invoice}',
					'Need a corrected invoice for {company}',
				],
				opening:
					'Our invoice is missing our VAT number and the company address is out of date. Our finance team can’t process it like this. Could you reissue it?',
				details: ['The correct billing address is {street}, {city}. VAT/tax number: {taxId}.'],
				stillBroken: ['The corrected invoice still has the old address on it.'],
				agentFirst: [
					'I can certainly help with a corrected invoice. Could you confirm the billing address and tax number you’d like us to use?',
				],
				agentProgress: [
					'I’ve updated your billing details and asked our billing team to reissue invoice {invoice}.',
				],
				resolutions: [
					'Please find the reissued invoice {invoice}-A attached, now with your VAT number and the new address. I’ll close this case now.',
				],
			},
			{
				subjects: ['Still billed for Monitoring Pro after downgrade', 'Invoice {invoice} is wrong'],
				opening:
					'I was billed for Monitoring Pro but we downgraded to Monitoring Basic in {month}. The invoice still shows the old plan.',
				details: [
					'We changed the plan on {date} through the app – I still have the confirmation email.',
				],
				stillBroken: ['This month’s invoice still shows Monitoring Pro.'],
				agentFirst: [
					'Sorry about that. Could you tell me the date you changed the plan? I’ll check it against our billing records.',
				],
				agentProgress: [
					'I’ve checked your contract and the plan change on {date} is there, so the invoice should have been prorated. I’ve requested a credit note for the difference.',
				],
				resolutions: [
					'A credit note for {diff} has been issued and will be applied to your next invoice. Closing this case – reply any time if you have questions.',
				],
			},
			{
				subjects: [
					'Question about my latest invoice',
					'What is the “service fee” on invoice {invoice}?',
				],
				opening:
					'Could you explain the line “service fee” on invoice {invoice}? Nobody mentioned a service fee when we signed up.',
				details: [
					'Our contract number is C-{ticket}. It says monitoring is included for the first year.',
				],
				agentFirst: [
					'The “service fee” is the annual monitoring fee for your {product}. I understand it wasn’t explained clearly when you signed up; let me check whether it should apply to your contract.',
				],
				agentProgress: [
					'I’ve checked your contract: the first year of monitoring was meant to be included, so the fee shouldn’t have been charged.',
				],
				resolutions: [
					'I’ve removed the service fee and issued a credit note for {diff}. Sorry for the confusion – I’ll close this case now.',
				],
			},
		],
		details: [
			'The correct billing address is {street}, {city}. VAT/tax number: {taxId}.',
			'Attached is the quote we signed (Q-{ticket}). It clearly says {amount2} including installation.',
			'We changed the plan on {date} through the app – I still have the confirmation email.',
		],
		stillBroken: [
			'The corrected invoice still has the old address on it.',
			'Thanks, but the new invoice shows {amount} again. Did the correction go through?',
		],
		agentFirst: [
			'Thanks for pointing this out. I’ve compared the invoice with your quote and there’s a difference of {diff} – it looks like the installation discount wasn’t applied. I’m getting this corrected.',
			'I can certainly help with a corrected invoice. Could you confirm the billing address and tax number you’d like us to use?',
			'The “service fee” is the annual monitoring fee for {product}. I understand it wasn’t explained clearly when you signed up; let me check whether it should apply to your contract.',
		],
		agentProgress: [
			'I’ve asked our billing team to reissue invoice {invoice}; it usually takes one to two business days.',
			'I’ve checked your contract and the plan change on {date} is there, so the invoice should have been prorated. I’ve requested a credit note for the difference.',
		],
		resolutions: [
			'Please find the corrected invoice {invoice}-A attached to this email. The original has been cancelled, so there’s nothing further to pay on it. I’ll close this case now.',
			'A credit note for {diff} has been issued and will be applied to your next invoice. I’ve also updated your billing details. Closing this case – reply any time if you have questions.',
		],
		notes: [
			'Invoice reissued as {invoice}-A with corrected address.',
			'Installation discount missing from invoice – sales ops ticket SO-{ticket} opened.',
			'Credit note CN-{ticket} for {diff} approved.',
		],
	},
	{
		key: 'refund',
		weight: 8,
		queue: 'returns',
		escalateTo: 'billing',
		types: ['Other'],
		reasons: ['Other'],
		priority: [
			['High', 2],
			['Medium', 6],
			['Low', 2],
		],
		issues: [
			{
				subjects: ['Refund for returned {product}', 'Where is my refund?'],
				opening:
					'I returned the {product} from order {order} three weeks ago and I still haven’t received my refund of {amount}. Your website said refunds take 5 days.',
				agentFirst: [
					'I’m sorry for the wait. I can see your return was received at our warehouse on {date}; it’s waiting for inspection, which is the step before the refund is released. I’ve asked the warehouse to prioritise it.',
				],
			},
			{
				subjects: ['Refund not received for order {order}', 'Where is my refund?'],
				opening:
					'We cancelled order {order} before it shipped and were promised a full refund. Nothing has arrived yet. Can you tell me when to expect it?',
				agentFirst: [
					'I’ve checked order {order}: the cancellation went through but the refund was never triggered. That’s on us – I’m raising it now.',
				],
				agentProgress: [
					'I’ve chased the finance team; they’ve confirmed the refund will be released in today’s payment run.',
				],
			},
			{
				subjects: ['Still waiting on refund – RMA {rma}'],
				opening:
					'Your courier collected the return (RMA {rma}) on {date}. Tracking shows it was delivered back to your warehouse, but no refund yet.',
				agentFirst: [
					'I’m sorry for the wait. I can see that RMA {rma} was received at our warehouse on {date}; it’s waiting for inspection, which is the step before the refund is released. I’ve asked the warehouse to prioritise it.',
				],
			},
			{
				subjects: ['Request refund – order {order}', 'Return and refund request'],
				opening:
					'I would like to request a refund for the {product} I bought on {date}. It does not do what the sales rep told us it would and we are within the 30-day window.',
				agentFirst: [
					'Thanks for getting in touch. Since you’re within the 30-day return window, I’ve opened return authorisation {rma} for you. You’ll receive a prepaid label by email shortly.',
				],
				agentProgress: [
					'The warehouse has received and inspected the unit and approved the return. The refund of {amount} is now with our finance team.',
				],
			},
		],
		details: [
			'The return tracking number is {tracking} and it was signed for at your warehouse on {date}.',
			'The order was paid by card ending {last4}. The original amount was {amount}.',
			'We still have all the original packaging and the unit was never installed.',
		],
		stillBroken: [
			'It’s been another week and the refund still hasn’t arrived.',
			'I only got {amount2} back, not {amount}. Why was a restocking fee deducted? Nobody told us about that.',
		],
		agentFirst: [
			'I’m sorry for the wait. I can see that RMA {rma} was received at our warehouse on {date}; it’s waiting for inspection, which is the step before the refund is released. I’ve asked the warehouse to prioritise it.',
			'Thanks for getting in touch. Since you’re within the 30-day return window, I’ve opened return authorisation {rma} for you. You’ll receive a prepaid label by email shortly.',
			'I’ve checked order {order}: the cancellation went through but the refund was never triggered. That’s on us – I’m raising it now.',
		],
		agentProgress: [
			'The warehouse has inspected the unit and approved the return. The refund of {amount} is now with our finance team.',
			'I’ve chased the finance team again; they’ve confirmed the refund will be released in today’s payment run.',
		],
		resolutions: [
			'Your refund of {amount} was processed today (reference {refundRef}). Depending on your bank it can take 3–5 business days to appear. I’ll close this case, but reply if it hasn’t shown up by {nextWeek}.',
			'The restocking fee shouldn’t have been applied as the unit was unopened, so I’ve refunded the remaining {diff}. You should now have the full {amount}. Closing this case – thanks for your patience.',
		],
		notes: [
			'RMA {rma} received at warehouse, pending inspection.',
			'Refund {refundRef} released by finance.',
			'Restocking fee reversed – unit unopened, fee not applicable per policy.',
		],
		forwardTo: 'warehouse',
	},
	{
		key: 'shipping-delay',
		weight: 10,
		queue: 'tier1',
		escalateTo: 'returns',
		types: ['Other'],
		reasons: ['Other'],
		priority: [
			['High', 3],
			['Medium', 5],
			['Low', 2],
		],
		issues: [
			{
				subjects: ['Tracking hasn’t updated in a week', 'Order {order} not delivered'],
				opening:
					'My order {order} was supposed to arrive on {date}. The tracking ({tracking}) hasn’t updated for six days. Can you tell me where it is?',
			},
			{
				subjects: [
					'Installation booked but {product} hasn’t arrived',
					'Will order {order} arrive before Tuesday?',
				],
				opening:
					'We have an electrician booked for next Tuesday to install the {product}, but the order still says “processing”. Will it arrive in time?',
			},
			{
				subjects: ['Delivery delayed again – order {order}'],
				opening:
					'This is the second time the delivery of order {order} has been rescheduled. {carrier} says they are waiting on you. What is going on?',
			},
			{
				subjects: ['Where is my order?', 'No shipping confirmation for order {order}'],
				opening:
					'I ordered a {product} two weeks ago and haven’t received any shipping confirmation. The confirmation email said 3–5 business days.',
			},
		],
		details: [
			'The delivery address is {street}, {city}. There is a loading dock at the back; the driver can call {phone} on arrival.',
			'The tracking number is {tracking}. The last scan says “arrived at hub” on {date}.',
			'We need it before {nextWeek} at the latest, otherwise we lose the installer slot.',
		],
		stillBroken: [
			'The new delivery date has passed and still nothing. This is really not acceptable.',
			'{carrier} now say the package was damaged in transit and is being returned to you?!',
			'The driver came but refused to unload the pallet. Now what?',
		],
		agentFirst: [
			'I’m sorry your order is late. I’ve checked with {carrier}: the shipment is held at their regional hub due to a backlog and is expected to move in the next 48 hours.',
			'Thanks for reaching out. Your order {order} was delayed because the {product} was briefly out of stock; it left our warehouse today and the tracking number is {tracking}.',
			'I understand the installer is booked. I’ve flagged the order as urgent with our warehouse and asked {carrier} for a firm delivery date.',
		],
		agentProgress: [
			'Update: {carrier} have confirmed delivery for {nextWeek} between 8am and 1pm.',
			'I’ve asked our warehouse to ship a replacement unit by express since the original was damaged in transit. New tracking: {tracking2}.',
			'I’ve escalated this with {carrier}’s account manager; I’ll update you as soon as I hear back.',
		],
		resolutions: [
			'{carrier} confirm the {product} was delivered this morning and signed for by {signedBy}. I’ve also refunded the shipping cost ({shipping}) for the trouble. I’ll close this case now.',
			'Glad to hear the order arrived in time for the installation. I’m closing this case – if anything is missing from the delivery, just reply to this email.',
		],
		notes: [
			'Carrier claim opened for damaged shipment, ref CL-{ticket}.',
			'Stock shortage on {product} – ETA from supplier {nextWeek}.',
			'Refunded shipping {shipping} as goodwill.',
		],
		forwardTo: 'logistics',
	},
	{
		key: 'damaged-delivery',
		weight: 5,
		queue: 'returns',
		escalateTo: 'returns',
		types: ['Structural', 'Mechanical'],
		reasons: ['Breakdown', 'Equipment Design'],
		priority: [
			['High', 4],
			['Medium', 5],
			['Low', 1],
		],
		issues: [
			{
				subjects: ['{product} arrived damaged', 'Cracked casing on delivery'],
				opening:
					'The {product} from order {order} arrived today with a cracked front panel and a dented side. The box was crushed at one corner. We have not installed it.',
			},
			{
				subjects: ['Damaged unit – order {order}', 'Bent mounting bracket on new {product}'],
				opening:
					'When we unpacked the {product} the mounting bracket was bent and two screws were rattling around inside. Please advise – I don’t want to install a damaged unit.',
			},
			{
				subjects: ['Box was crushed, unit dented', '{product} arrived damaged'],
				opening:
					'Delivery came this morning and the pallet was clearly dropped. The casing is split. I took photos before the driver left.',
			},
		],
		details: [
			'Serial number on the label is {serial}. I’ve attached photos of the box and the damage.',
			'The driver noted “damaged” on the delivery receipt.',
		],
		stillBroken: [
			'The replacement arrived and the display is cracked too. Are these packed properly?',
		],
		agentFirst: [
			'I’m really sorry the {product} arrived in that condition. Please don’t install it. I’ve opened return {rma} and arranged a replacement to ship as soon as the collection is booked.',
			'Thank you for the photos – that is clearly transit damage. Could you send me the serial number from the label on the side of the unit so I can register the replacement?',
		],
		agentProgress: [
			'{carrier} will collect the damaged unit on {nextWeek}. The replacement ships the same day.',
			'The replacement is on its way: tracking {tracking2}.',
		],
		resolutions: [
			'The replacement {product} has been delivered and the damaged unit collected. I’ve closed return {rma}. Thanks for your patience!',
			'Everything is sorted: the replacement arrived in good condition and the carrier claim has been filed on our side. Closing this case now.',
		],
		notes: [
			'Transit damage confirmed from photos. Carrier claim CL-{ticket}.',
			'Replacement order {order2} created, free of charge.',
		],
		forwardTo: 'warehouse',
	},
	{
		key: 'login',
		weight: 9,
		queue: 'tier1',
		escalateTo: 'escalations',
		types: ['Electronic', 'Other'],
		reasons: ['Other', 'Equipment Complexity'],
		priority: [
			['High', 2],
			['Medium', 5],
			['Low', 3],
		],
		issues: [
			{
				subjects: ['Can’t log in to the Voltaris app', '“Invalid credentials” after app update'],
				opening:
					'I can’t log in to the Voltaris app since the update yesterday. It says “invalid credentials” even though I reset my password twice.',
				details: [
					'I’m using the iPhone app, version {appVersion}. The error appears right after I tap “Sign in”.',
				],
				stillBroken: ['Still the same error after reinstalling the app.'],
				agentFirst: [
					'Sorry you’re locked out. I’ve checked your account and it was temporarily locked after several failed attempts. I’ve unlocked it – could you try the password reset again?',
				],
				agentProgress: [
					'Our app team is aware of a login issue with version {appVersion} on some iPhones; a fix is being released this week.',
				],
				resolutions: [
					'The app update {appVersionNext} that fixes the login issue is now available in the App Store. Once updated you should be able to sign in normally. I’ll close this case now.',
				],
			},
			{
				subjects: ['Password reset email never arrives'],
				opening:
					'I keep requesting a password reset but the email never arrives. I checked spam. My username is {email}.',
				details: [
					'Our IT team has allowed no-reply@voltaris.example now. {email} is the right address.',
				],
				stillBroken: [
					'I tried the reset link but it says the link has expired. It arrived 2 minutes ago.',
				],
				agentFirst: [
					'Reset emails are sent from no-reply@voltaris.example; some company mail filters hold them. Could you ask your IT team to allow that address, or give me an alternative email?',
				],
				agentProgress: ['I’ve sent a new reset link to {email}. It is valid for 30 minutes.'],
				resolutions: [
					'Great to hear you’re back in. I’ve closed this case – if the reset emails stop arriving again, just reply here.',
				],
			},
			{
				subjects: ['Two-factor code not working', 'Locked out of my account'],
				opening:
					'After getting a new phone I can’t receive the two-factor codes anymore, so I’m locked out of the monitoring portal.',
				details: [
					'The serial number is {serial} and the installation address is {street}, {city}.',
				],
				stillBroken: ['The app still asks for the code from my old phone.'],
				agentFirst: [
					'To reset two-factor authentication I need to verify your identity. Could you confirm the serial number of your {product} and the postcode of the installation address?',
				],
				agentProgress: [
					'I’ve reset two-factor authentication on your account. The next time you sign in, the app will ask you to set it up again.',
				],
				resolutions: [
					'Glad you’re back in and two-factor authentication is set up on your new phone. I’ll close this case now.',
				],
			},
			{
				subjects: ['Login error “session expired” on portal', 'Portal keeps logging me out'],
				opening:
					'The portal logs me out every few seconds with “session expired”. I’ve tried Chrome and Safari.',
				details: ['Cleared cookies and cache, same thing. It worked fine until {date}.'],
				stillBroken: ['Still logged out after a few seconds.'],
				agentFirst: [
					'Sorry about that. Could you clear the cookies for the portal and check that your computer’s clock is set correctly? A clock that is off by more than a few minutes ends sessions straight away.',
				],
				agentProgress: [
					'Our web team found that sessions were being ended early for some accounts after last week’s release; a fix is going out tonight.',
				],
				resolutions: [
					'The fix for early session timeouts is live and your account is no longer affected. I’ll close this case – just reply here if the portal logs you out again.',
				],
			},
		],
		details: [
			'I’m using the iPhone app, version {appVersion}. The error appears right after I tap “Sign in”.',
			'The account email is {email}. The phone number on the account was my old one.',
			'Cleared cookies and cache, same thing. It worked fine until {date}.',
		],
		stillBroken: [
			'I tried the reset link but it says the link has expired. It arrived 2 minutes ago.',
			'Still the same error after reinstalling the app.',
		],
		agentFirst: [
			'Sorry you’re locked out. I’ve checked your account and it was temporarily locked after several failed attempts. I’ve unlocked it – could you try the password reset again?',
			'Thanks for reaching out. Reset emails are sent from no-reply@voltaris.example; some company mail filters hold them. Could you ask your IT team to allow that address, or give me an alternative email?',
			'To reset two-factor authentication I need to verify your identity. Could you confirm the serial number of your {product} and the postcode of the installation address?',
		],
		agentProgress: [
			'I’ve reset two-factor authentication on your account. The next time you sign in, the app will ask you to set it up again.',
			'Our app team is aware of a login issue with version {appVersion} on some iPhones; a fix is being released this week.',
		],
		resolutions: [
			'Great to hear you’re back in. I’ve closed this case – if the app logs you out again, just reply here.',
			'The app update {appVersionNext} that fixes the login issue is now available in the App Store. Once updated you should be able to sign in normally. I’ll close this case now.',
		],
		notes: [
			'Account unlocked after 10 failed attempts.',
			'Identity verified via serial + postcode; 2FA reset.',
			'Linked to known issue APP-{ticket} (iOS login loop).',
		],
	},
	{
		key: 'device-fault',
		weight: 12,
		queue: 'tier1',
		escalateTo: 'escalations',
		types: ['Electrical', 'Electronic', 'Mechanical'],
		reasons: ['Breakdown', 'Performance'],
		priority: [
			['High', 5],
			['Medium', 4],
			['Low', 1],
		],
		issues: [
			{
				products: ['battery', 'inverter', 'generator', 'charger'],
				subjects: [
					'{product} showing error {errorCode}',
					'Unit stopped working – error {errorCode}',
				],
				opening:
					'Our {product} has been showing error {errorCode} since this morning and has stopped working. We rely on it for our cold storage, so this is urgent.',
			},
			{
				products: ['battery', 'inverter', 'generator', 'charger'],
				subjects: ['Fault light on {product}', '{product} down after storm'],
				opening:
					'The {product} stopped working during the storm last night. The status light blinks red three times and the app shows {error}.',
			},
			{
				products: ['generator', 'battery'],
				subjects: [
					'Weekly self-test fails on {product}',
					'{product} shuts down after a few seconds',
				],
				opening:
					'The {product} fails its weekly self-test. It starts up for a few seconds and then shuts down again.',
			},
			{
				products: ['battery', 'inverter', 'charger'],
				subjects: [
					'{product} keeps switching off with {errorCode}',
					'Intermittent shutdowns – {errorCode}',
				],
				opening:
					'Every afternoon around 3pm the {product} switches off with {errorCode}, then comes back an hour later. It’s been doing this for a week.',
			},
		],
		details: [
			'Serial number is {serial}, firmware {firmware}. It is installed in an unheated garage; it was about {temperature} today.',
			'I power-cycled it as you suggested. It came back for ten minutes and then showed {errorCode} again.',
			'The installer was {installer}. It was installed on {installDate}.',
		],
		stillBroken: [
			'The firmware update didn’t help – the error is back.',
			'It worked for two days and now it’s doing exactly the same thing again.',
			'Same error again this morning. We really need this fixed.',
		],
		agentFirst: [
			'I’m sorry to hear your {product} is down. {errorCode} means {error}. Could you switch the unit off at the isolator for 30 seconds and back on, and let me know if the error returns?',
			'Thanks for the details. I can see the unit in our monitoring system and it reported {errorCode} at {time}. Could you send me a photo of the display and confirm the firmware version?',
			'I understand this is urgent. I’ve pulled the logs remotely and they show repeated {error}. I’m going to push a firmware update tonight which addresses this on some units.',
		],
		agentProgress: [
			'Our technical team reviewed the logs and suspect a faulty temperature sensor. We’d like to send a field technician – does {nextWeek} morning work for you?',
			'I’ve escalated this to our Technical Escalations team as the remote fix didn’t hold. They’ll contact you within one business day.',
			'The technician visit is confirmed for {nextWeek}. They will bring a replacement control board.',
		],
		resolutions: [
			'The technician replaced the control board and the unit has been running without errors for 48 hours. I’ll close this case now; the repair is covered under warranty, so there’s nothing to pay.',
			'Firmware {firmwareNext} has fixed the {errorCode} shutdowns – the logs have been clean since the update. Closing this case, but reply if you see the error again.',
			'The unit is back online after the sensor replacement. Thanks for your patience while we sorted this out.',
		],
		notes: [
			'Remote logs: repeated {errorCode} around peak load. Suspect sensor.',
			'Firmware {firmwareNext} pushed remotely.',
			'Field visit booked, WO-{ticket}. Parts: control board.',
		],
	},
	{
		key: 'installation',
		weight: 6,
		queue: 'tier1',
		escalateTo: 'escalations',
		types: ['Mechanical', 'Electrical'],
		reasons: ['Installation', 'Equipment Complexity'],
		priority: [
			['High', 1],
			['Medium', 6],
			['Low', 3],
		],
		issues: [
			{
				products: ['battery', 'inverter', 'generator', 'charger'],
				subjects: ['Which breaker size for {product}?', 'Wiring diagram for {product}'],
				opening:
					'Our electrician is installing the {product} tomorrow and wants to confirm the breaker size and cable cross-section. The manual is unclear.',
				details: ['Main panel is a 200A panel, the {product} is going about 15 feet from it.'],
				stillBroken: ['The electrician says the diagram doesn’t match the terminals on the unit.'],
				agentFirst: [
					'For the {product} we recommend a 40A breaker and 8 AWG copper cable for runs under 50 feet. I’ve attached the installation guide; section 3.2 has the wiring diagram.',
				],
				agentProgress: [
					'I’ve asked a field engineer to call your electrician directly tomorrow morning to go through the wiring.',
				],
				resolutions: [
					'Glad the installation went smoothly. I’ll close this case now – enjoy your new {product}!',
				],
			},
			{
				products: ['battery', 'inverter', 'generator', 'charger'],
				subjects: ['Installer says unit is incompatible', 'Installation question – {product}'],
				opening:
					'The installer says our main panel is not compatible with the {product}. We were told it would work with any standard panel. What are our options?',
				details: ['Photo attached – the label on the panel says it is from 1984.'],
				agentFirst: [
					'I’m sorry for the confusion. Some older panels need an adapter kit (part AK-200). Could you send a photo of the panel label so I can confirm?',
				],
				agentProgress: ['The adapter kit has been shipped free of charge, tracking {tracking2}.'],
				resolutions: [
					'The installer confirmed the adapter kit did the trick and the unit is reporting to the app. Closing this case.',
				],
			},
			{
				products: ['battery', 'inverter'],
				subjects: ['Need help with commissioning', 'Commissioning fails at grid detection'],
				opening:
					'Commissioning fails at step 4 (“grid detection”). The installer has tried three times.',
				details: ['The commissioning log says “grid frequency not detected”. Firmware {firmware}.'],
				stillBroken: ['The installer followed the steps and it still fails at grid detection.'],
				agentFirst: [
					'Grid detection usually fails when the current clamp (CT) is fitted the wrong way round. Could your installer check that the arrow on the clamp points towards the panel?',
				],
				agentProgress: [
					'I’ve asked a field engineer to call your installer directly tomorrow morning.',
				],
				resolutions: [
					'Glad the commissioning worked after switching the CT clamp orientation. I’ll close this case now – enjoy your new {product}!',
				],
			},
		],
		details: [
			'Main panel is a 200A panel, the {product} is going about 15 feet from it.',
			'The commissioning log says “grid frequency not detected”. Firmware {firmware}.',
		],
		stillBroken: ['The installer followed the steps and it still fails at grid detection.'],
		agentFirst: [
			'For the {product} we recommend a 40A breaker and 8 AWG copper cable for runs under 50 feet. I’ve attached the installation guide, section 3.2 has the wiring diagram.',
			'I’m sorry for the confusion. Some older panels need an adapter kit (part AK-200). Could you send a photo of the panel label so I can confirm?',
		],
		agentProgress: [
			'I’ve asked a field engineer to call your installer directly tomorrow morning.',
			'The adapter kit has been shipped free of charge, tracking {tracking2}.',
		],
		resolutions: [
			'Glad the commissioning worked after switching the CT clamp orientation. I’ll close this case now – enjoy your new {product}!',
			'The installation is complete and the unit is reporting to the app. Closing this case.',
		],
		notes: [
			'CT clamp installed backwards – common on first installs.',
			'Adapter kit AK-200 sent FOC.',
		],
	},
	{
		key: 'performance',
		weight: 6,
		queue: 'tier1',
		escalateTo: 'escalations',
		types: ['Electrical', 'Electronic'],
		reasons: ['Performance', 'Equipment Design'],
		priority: [
			['High', 1],
			['Medium', 5],
			['Low', 4],
		],
		issues: [
			{
				products: ['battery', 'generator'],
				subjects: [
					'Backup only lasted 2 hours during outage',
					'Backup runtime much shorter than promised',
				],
				opening:
					'During last week’s outage our {product} only lasted about 2 hours. The sales brochure said it would power the essentials for 10+ hours.',
				details: [
					'Here is a screenshot of the app history for {date}. Load was around 1.2 kW most of the evening.',
				],
				stillBroken: ['Even with the pump off it only lasted 4 hours last night.'],
				agentFirst: [
					'Thanks for the details. The runtime depends heavily on what’s connected; could you send me a screenshot of the consumption graph for the outage period?',
				],
				agentProgress: [
					'Our engineers reviewed the data: the backup circuit includes your well pump, which draws about 3 kW when running. That explains the short runtime.',
				],
				resolutions: [
					'As discussed, moving the well pump off the backup circuit should give you the expected runtime. I’ll close this case now – feel free to reply with any questions.',
				],
			},
			{
				products: ['battery'],
				subjects: ['Battery drains faster than expected', '{product} capacity seems low'],
				opening:
					'The app shows the battery at 100% but it drops to 60% within an hour with almost no load. Is the battery degrading already?',
				details: ['The unit is about {age} months old.'],
				stillBroken: ['After recalibration it still drops quickly.'],
				agentFirst: [
					'A fast drop right after 100% can happen when the battery needs recalibration. I’ve started a calibration cycle remotely; it takes about 24 hours.',
				],
				agentProgress: [
					'The calibration finished; capacity now reads {capacity} kWh, which is within spec.',
				],
				resolutions: [
					'The capacity test came back at {capacity} kWh, within spec, and the readings have been stable since the recalibration. I’ll close this case.',
				],
			},
			{
				products: ['inverter', 'battery', 'hub'],
				subjects: ['App shows wrong energy figures', 'Export figures don’t match our meter'],
				opening:
					'The energy figures in the app don’t match our utility meter – the app says we exported 40 kWh, the meter says 12.',
				details: ['Meter photo and app screenshot for {date} attached.'],
				stillBroken: ['Today the app says 35 kWh exported, the meter 9.'],
				agentFirst: [
					'Thanks for reporting this. Differences like that usually come from the current clamp configuration. Could you send me a photo of the meter and a screenshot of the app for the same day?',
				],
				agentProgress: [
					'I’ve found the problem: the export clamp was configured for the wrong phase. I’m correcting it remotely.',
				],
				resolutions: [
					'The figures now match your meter after we corrected the CT configuration. I’ll close this case.',
				],
			},
		],
		details: [
			'Here is a screenshot of the app history for {date}. Load was around 1.2 kW most of the evening.',
			'The unit is about {age} months old.',
		],
		stillBroken: ['After recalibration it still drops quickly.'],
		agentFirst: [
			'Thanks for the details. The runtime depends heavily on what’s connected; could you send me a screenshot of the consumption graph for the outage period?',
			'A fast drop right after 100% can happen when the battery needs recalibration. I’ve started a calibration cycle remotely; it takes about 24 hours.',
		],
		agentProgress: [
			'Our engineers reviewed the data: the backup circuit includes your well pump, which draws about 3 kW when running. That explains the short runtime.',
			'The calibration finished; capacity now reads {capacity} kWh, which is within spec.',
		],
		resolutions: [
			'The figures now match your meter after we corrected the CT configuration. I’ll close this case.',
			'As discussed, moving the well pump off the backup circuit should give you the expected runtime. I’ll close this case now – feel free to reply with any questions.',
		],
		notes: [
			'Capacity test within spec ({capacity} kWh).',
			'Customer expectation issue – brochure runtime assumes 500 W load.',
		],
	},
	{
		key: 'warranty',
		weight: 6,
		queue: 'returns',
		escalateTo: 'escalations',
		types: ['Mechanical', 'Electrical', 'Structural'],
		reasons: ['Breakdown', 'Equipment Design'],
		priority: [
			['High', 2],
			['Medium', 6],
			['Low', 2],
		],
		issues: [
			{
				products: ['battery', 'inverter', 'generator'],
				subjects: ['Fan noise – warranty?', 'Warranty claim – {product} serial {serial}'],
				opening:
					'Our {product} (serial {serial}) is {age} months old and the cooling fan has become very loud. Is this covered under warranty?',
				details: [
					'Proof of purchase: order {order} from {date}. I’ve attached a short video of the noise.',
				],
				stillBroken: ['The new fan is just as loud.'],
				agentFirst: [
					'Thanks for getting in touch. Fan noise after {age} months is covered under the standard warranty. Could you send a short video of the noise and the proof of purchase?',
				],
				agentProgress: [
					'Your warranty claim WC-{ticket} has been approved. A replacement fan kit will be shipped to your installer.',
				],
				resolutions: [
					'The replacement fan has been fitted and warranty claim WC-{ticket} is closed. Thanks for your patience!',
				],
			},
			{
				subjects: ['Warranty replacement request', 'Display blank – warranty claim'],
				opening:
					'The display on our {product} has gone completely blank. It is still within the 5-year warranty. How do I make a claim?',
				details: ['Serial {serial}, bought with order {order} on {date}.'],
				stillBroken: [
					'The claim was rejected because of “improper installation”? It was installed by your certified partner.',
				],
				agentFirst: [
					'Sorry to hear that. A blank display is covered. Could you send me the serial number and your proof of purchase? I’ll open the claim for you.',
				],
				agentProgress: [
					'Your warranty claim WC-{ticket} has been approved; a replacement display module ships today.',
				],
				resolutions: [
					'The display module has been replaced under warranty. I’m closing this case; the claim is WC-{ticket} if you need it.',
				],
			},
			{
				subjects: ['Is this covered under warranty?', '5 or 10 year warranty?'],
				opening:
					'We were told the {product} has a 10-year warranty but the claim form says 5 years. Which one is correct?',
				details: ['It was registered by the installer, {installer}, on {installDate}.'],
				agentFirst: [
					'The {product} carries a 5-year standard warranty, extendable to 10 years when registered within 90 days of installation. I can see your unit was registered, so you have the 10-year cover.',
				],
				agentProgress: [
					'I’ve asked our warranty team to update the claim form so it shows your 10-year cover.',
				],
				resolutions: [
					'I’ve attached your warranty certificate showing the 10-year cover. Closing this case.',
				],
			},
		],
		details: [
			'Proof of purchase: order {order} from {date}.',
			'I’ve attached a short video of the noise.',
		],
		stillBroken: [
			'The claim was rejected because of “improper installation”? It was installed by your certified partner.',
		],
		agentFirst: [
			'Thanks for getting in touch. Fan noise after {age} months is covered under the standard warranty. Could you send a short video of the noise and the proof of purchase?',
			'The {product} carries a 5-year standard warranty, extendable to 10 years when registered within 90 days of installation. I can see your unit was registered, so you have the 10-year cover.',
		],
		agentProgress: [
			'Your warranty claim WC-{ticket} has been approved. A replacement fan kit will be shipped to your installer.',
			'I’ve asked our warranty team to review the rejection, since the installer is on our certified list.',
		],
		resolutions: [
			'The replacement part has been fitted and warranty claim WC-{ticket} is closed. Thanks for your patience!',
			'The rejection has been overturned and the unit will be replaced under warranty. Our logistics team will contact you to book the swap. I’m closing this case; the swap is tracked under order {order2}.',
		],
		notes: [
			'Warranty claim WC-{ticket} approved.',
			'Installer {installer} is certified – rejection reversed.',
		],
	},
	{
		key: 'firmware',
		weight: 4,
		queue: 'tier1',
		escalateTo: 'escalations',
		types: ['Electronic'],
		reasons: ['Equipment Complexity', 'Performance'],
		priority: [
			['High', 2],
			['Medium', 6],
			['Low', 2],
		],
		issues: [
			{
				products: ['battery', 'inverter', 'charger', 'hub'],
				subjects: [
					'Firmware update failed',
					'Unit stuck on “updating”',
					'Firmware {firmwareNext} bricked my hub',
				],
				opening:
					'The app pushed firmware {firmwareNext} last night and now the {product} is stuck on “updating 43%”. It has been like this for 10 hours.',
				details: ['The LED on the unit is solid amber.'],
				stillBroken: ['The recovery mode didn’t work, it goes straight back to 43%.'],
				agentFirst: [
					'Sorry about that. Please hold the reset button for 15 seconds until the LED flashes white – that starts recovery mode and reinstalls the firmware.',
				],
				agentProgress: [
					'I’ve escalated this to our firmware team with the device logs.',
					'Our firmware team has pushed a recovery image to your unit.',
				],
				resolutions: [
					'The recovery image worked and the unit is back on {firmwareNext}. Closing this case.',
				],
			},
			{
				products: ['hub'],
				subjects: ['Can’t connect hub to Wi-Fi after update', 'Hub offline since firmware update'],
				opening:
					'Since the update our Voltaris Hub won’t reconnect to Wi-Fi. Nothing else on the network changed.',
				details: ['Router is a mesh system, 2.4 GHz and 5 GHz on the same SSID.'],
				stillBroken: ['Switched to WPA2, the hub still won’t connect.'],
				agentFirst: [
					'The new firmware only supports WPA2/WPA3. Could you check whether your router has WPA (legacy) mode enabled?',
				],
				agentProgress: [
					'Could you try a separate 2.4 GHz network for the hub? Some mesh systems confuse it.',
				],
				resolutions: [
					'After switching the router to WPA2 the hub reconnected. I’ll close this case now.',
				],
			},
		],
		details: [
			'Router is a mesh system, 2.4 GHz and 5 GHz on the same SSID.',
			'The LED on the hub is solid amber.',
		],
		stillBroken: ['The recovery mode didn’t work, it goes straight back to 43%.'],
		agentFirst: [
			'Sorry about that. Please hold the reset button for 15 seconds until the LED flashes white – that starts recovery mode and reinstalls the firmware.',
			'The new firmware only supports WPA2/WPA3. Could you check whether your router has WPA (legacy) mode enabled?',
		],
		agentProgress: [
			'I’ve escalated this to our firmware team with the device logs.',
			'Our firmware team has pushed a recovery image to your hub.',
		],
		resolutions: [
			'The recovery image worked and the hub is back on {firmwareNext}. Closing this case.',
			'After switching the router to WPA2 the hub reconnected. I’ll close this case now.',
		],
		notes: ['Known issue FW-{ticket}: update stalls at 43% on hubs with low storage.'],
	},
	{
		key: 'cancellation',
		weight: 4,
		queue: 'billing',
		escalateTo: 'billing',
		types: ['Other'],
		reasons: ['Feedback', 'Other'],
		priority: [
			['High', 1],
			['Medium', 4],
			['Low', 5],
		],
		issues: [
			{
				subjects: ['Cancel {plan}', 'Please cancel my subscription'],
				opening:
					'Please cancel our {plan} subscription. We sold the property and no longer need monitoring.',
			},
			{
				subjects: ['Stop auto-renewal', 'How do I cancel monitoring?'],
				opening:
					'I want to cancel the auto-renewal of {plan}. I can’t find the option anywhere in the app.',
			},
		],
		details: ['The account is in the name of {contactName}, account number {accountNumber}.'],
		stillBroken: ['You confirmed the cancellation but I was charged again today.'],
		agentFirst: [
			'I can help with that. Before I cancel, would you like to transfer the plan to the new owners instead? It keeps the warranty registration with the unit.',
			'I’ve turned off auto-renewal for {plan}. Your current period runs until {nextMonth} and you won’t be charged again.',
		],
		agentProgress: [
			'I’ve refunded the renewal charge and confirmed the cancellation in our billing system.',
		],
		resolutions: [
			'Your {plan} subscription has been cancelled and you won’t be billed again. Sorry to see you go!',
			'The plan has been transferred to the new owners. I’ll close this case.',
		],
		notes: ['Retention offer declined.', 'Auto-renew disabled; period ends {nextMonth}.'],
	},
	{
		key: 'feedback',
		weight: 3,
		queue: 'tier1',
		escalateTo: 'tier1',
		types: ['Other'],
		reasons: ['Feedback'],
		priority: [
			['Medium', 3],
			['Low', 7],
		],
		issues: [
			{
				subjects: ['Feature request: export data to CSV', 'Suggestion for the app'],
				opening:
					'It would be really helpful to export the energy history from the app to CSV for our accountant. Is that planned?',
				details: ['Monthly totals would be enough for us.'],
				stillBroken: ['Any news on the export feature?'],
				agentFirst: [
					'Thank you for the suggestion! I’ve passed it to our product team. In the meantime, you can download monthly reports as PDF from the web portal under Reports.',
				],
				agentProgress: ['The product team has added CSV export to the roadmap for next quarter.'],
				resolutions: [
					'Thanks again for the feedback. I’ll close this case, but we’ll let you know when the feature ships.',
				],
			},
			{
				subjects: ['Great service from your technician', 'Thank you!'],
				opening:
					'Just wanted to say thanks – your technician was excellent and explained everything clearly.',
				details: ['He even stayed to show us how the app works.'],
				stillBroken: ['Just checking you got my message?'],
				agentFirst: ['Thank you for the kind words – I’ll pass them on to the team!'],
				agentProgress: ['I’ve shared your message with the field team and their manager.'],
				resolutions: ['Much appreciated – closing this case.'],
			},
			{
				products: ['battery', 'inverter', 'generator'],
				subjects: ['Feedback on installation experience'],
				opening:
					'The installation went well, but nobody told us the unit would be so loud at night. Maybe mention that in the brochure.',
				details: ['It is mounted on the wall next to the bedroom.'],
				stillBroken: ['Quiet mode helps a bit but it is still loud.'],
				agentFirst: [
					'Thank you for the feedback. The {product} fan runs faster in warm weather; the night-time quiet mode in the app (Settings > Fan) reduces it by about half.',
				],
				agentProgress: ['I’ve passed your comment about the brochure to our marketing team.'],
				resolutions: [
					'Glad quiet mode helped. I’ve also passed your comment about the brochure on. Closing this case.',
				],
			},
		],
		details: ['Monthly totals would be enough for us.'],
		stillBroken: ['Any news on the export feature?'],
		agentFirst: [
			'Thank you for the suggestion! I’ve passed it to our product team. In the meantime, you can download monthly reports as PDF from the web portal under Reports.',
			'Thank you for the kind words – I’ll pass them on to the team!',
		],
		agentProgress: ['The product team has added CSV export to the roadmap for next quarter.'],
		resolutions: [
			'Thanks again for the feedback. I’ll close this case, but we’ll let you know when the feature ships.',
			'Much appreciated – closing this case.',
		],
		notes: ['Feature request logged as PRD-{ticket}.'],
	},
];

/** What customers write besides the theme's own lines. */
export const CUSTOMER = {
	greetings: [
		'Hi,',
		'Hello,',
		'Hi there,',
		'Good morning,',
		'Dear Voltaris Support,',
		'Hello Voltaris team,',
		'Dear Sir or Madam,',
	],
	greetingsToAgent: [
		'Hi {agentFirstName},',
		'Hello {agentFirstName},',
		'Dear {agentFirstName},',
		'Hi,',
		'{agentFirstName},',
	],
	closings: [
		'Thanks,',
		'Thank you,',
		'Thanks in advance,',
		'Regards,',
		'Best regards,',
		'Kind regards,',
		'Cheers,',
		'Many thanks,',
	],
	nudges: [
		'Any update on this? It has been {days} days.',
		'Just following up on my email below – is anyone looking at this?',
		'Hello? I still haven’t heard back.',
		'Following up again. We need an answer on this by the end of the week.',
	],
	thanks: [
		'That did it – thank you so much for your help!',
		'Received, thanks for sorting this out so quickly.',
		'Perfect, all good now. Feel free to close the ticket.',
		'Thanks, confirmed on our side.',
		'Great, much appreciated!',
	],
	reopen: [
		'Sorry to reopen this, but the problem is back as of this morning.',
		'I thought this was fixed but it has happened again.',
		'You closed this case but the issue isn’t resolved. Please reopen it.',
	],
	extra: [
		'We’ve been customers for {years} years and this is the first time we’ve had to contact support.',
		'I tried calling but the hold time was over 40 minutes.',
		'Please call me on {phone} if that’s easier.',
		'This is quite urgent for us.',
		'My colleague {colleague} is in copy.',
		'',
	],
} as const;

/** What agents write besides the theme's own lines. */
export const AGENT = {
	greetings: ['Hi {customerFirstName},', 'Hello {customerFirstName},', 'Dear {customerFirstName},'],
	/** How the agent's first answer starts. */
	firstOpeners: [
		'Thank you for contacting Voltaris Support.',
		'Thanks for your email.',
		'I’m sorry for the trouble this has caused.',
		'Thanks for reaching out.',
		'',
	],
	/** How later answers start. */
	openers: [
		'Thanks for getting back to me.',
		'Thanks for your patience while I looked into this.',
		'Thanks for the quick reply.',
		'Thanks for the update.',
		'',
	],
	closers: [
		'Please let me know if you have any questions.',
		'If there’s anything else I can help with, just reply to this email.',
		'I’ll keep an eye on this and update you as soon as I hear back.',
		'Thanks again for your patience.',
	],
	/** Progress reports that fit any case, for threads that run long. */
	holding: [
		'I’m still waiting for an update from the team and have chased them again today. I’ll let you know as soon as I hear back.',
		'Thanks for your patience – this is taking longer than I’d like. I’ve flagged your case as a priority.',
		'I’ve added your latest details to the case and passed them on to the specialist team.',
	],
	followUps: [
		'I wanted to check in – were you able to try the steps in my last email?',
		'Just following up on this. If I don’t hear back in the next few days I’ll assume everything is working and close the case.',
	],
	escalation: [
		'I’ve escalated your case to our {queueName} team, who can look into this in more detail. They’ll be in touch within one business day.',
		'I’m handing this over to a colleague in {queueName}, who has access to the tools needed to fix this.',
	],
	forward: [
		'Hi team,\n\nCould you please look into the customer’s message below and let me know the status? Case {caseNumber}.\n\nThanks,\n{agentFirstName}',
		'Hi all – forwarding this for your review. The customer is waiting on an answer, could you reply by end of day?\n\n{agentFirstName}',
	],
	reopened: [
		'I’m sorry the issue has come back. I’ve reopened your case and I’m looking into it now.',
		'Thanks for letting me know – I’ve reopened the case.',
	],
} as const;

export const CHAT_LINES = {
	bot: [
		'Hi! I’m the Voltaris virtual assistant. What can I help you with today?',
		'Thanks! Let me connect you with a support specialist.',
	],
	agentHello: [
		'Hi {customerFirstName}, this is {agentFirstName} from Voltaris Support. How can I help you today?',
		'Hello {customerFirstName}! My name is {agentFirstName}. I’m reading through your message now.',
	],
	agentVerify: [
		'Could you confirm the email address on your account and your postcode please?',
		'Can I have the order number or the serial number of the unit?',
	],
	agentCaseCreated: [
		'I’ve opened case {caseNumber} for this so you’ll get updates by email.',
		'I’ve logged this as case {caseNumber}.',
	],
	agentBye: [
		'Is there anything else I can help with today?',
		'Thanks for chatting with us, have a great day!',
	],
	customerBye: ['No that’s all, thanks!', 'Thanks for your help, bye', 'ok thank you'],
	customerAck: ['ok', 'sure', 'one sec', 'yes that’s right', 'ok let me check'],
} as const;

export const AUTO_RESPONSE = [
	'Thank you for contacting Voltaris Support.',
	'This is an automated confirmation that we have received your request and opened case {caseNumber}. One of our specialists will reply within one business day.',
	'You can reply to this email to add information to your case. Please keep the reference in the subject line so your reply reaches the right case.',
].join('\n\n');
