import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { RedactionKind } from '../redaction/findings';
import type { ItemRedaction } from '../redaction/redactItem';

// Redact Personal Data and Transcript Budget, as the trigger's Case Closed and the action's Case >
// Get Conversation offer them (defined once here; each adds its own displayOptions). New Email on a
// Case offers both too; Chat Ended and Messaging Session Ended only Redact Personal Data.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const COUNTRY_OPTIONS: INodePropertyOptions[] = getCountries()
	.map((code) => ({
		name: `${regionNames.of(code) ?? code} (+${getCountryCallingCode(code)})`,
		value: code,
	}))
	.sort((a, b) => a.name.localeCompare(b.name, 'en'));

const KIND_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Card Numbers',
		value: 'card',
		description: 'Payment card numbers that pass the card checksum',
	},
	{ name: 'Email Addresses', value: 'email' },
	{
		name: 'IBANs',
		value: 'iban',
		description: 'Bank account numbers (IBAN) that pass their checksum',
	},
	{
		name: 'Names of Customer and Agent',
		value: 'name',
		description:
			"The case contact's, the email senders' and the chat participants' names, in full and by first or last name",
	},
	{
		name: 'Phone Numbers',
		value: 'phone',
		description:
			'Numbers that are valid phone numbers; order, case and invoice numbers, dates and prices stay',
	},
];
/** Data to Redact when the option is not set (as its default in the editor). */
const DEFAULT_KINDS: RedactionKind[] = ['email', 'phone', 'card', 'iban'];

/** `displayOptions` with `extra` conditions added to its `show`. */
function showing(
	displayOptions: INodeProperties['displayOptions'],
	extra: IDataShow = {},
): INodeProperties['displayOptions'] {
	return { ...displayOptions, show: { ...(displayOptions?.show ?? {}), ...extra } };
}

/** What Redact Personal Data says it covers, unless an event says it in its own words. */
const CASE_REDACTION_DESCRIPTION =
	'Whether to replace email addresses, phone numbers, card numbers and IBANs (and, if chosen, names) in the emails, the transcript, subjects, senders and recipients and the case fields with placeholders such as [email 1] or [phone 2]. The same value gets the same placeholder throughout the case, so that a model can still tell people apart.';

/**
 * Redact Personal Data and its Redaction Options (New Email on a Case, Chat Ended and Messaging
 * Session Ended take only these); `description` says what the switch covers for the event.
 */
export function redactionProperties(
	displayOptions: INodeProperties['displayOptions'] = {},
	description = CASE_REDACTION_DESCRIPTION,
): INodeProperties[] {
	return [
		{
			displayName: 'Redact Personal Data',
			name: 'redactPersonalData',
			type: 'boolean',
			default: false,
			displayOptions: showing(displayOptions),
			description,
		},
		{
			displayName: 'Redaction Options',
			name: 'redactionOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: showing(displayOptions, { redactPersonalData: [true] }),
			options: [
				{
					displayName: 'Data to Redact',
					name: 'redact',
					type: 'multiOptions',
					options: KIND_OPTIONS,
					default: ['email', 'phone', 'card', 'iban'],
					description: 'Which kinds of personal data to replace',
				},
				{
					displayName: 'Default Country for Phone Numbers',
					name: 'country',
					type: 'options',
					options: COUNTRY_OPTIONS,
					default: 'US',
					description:
						'The country of phone numbers written without a country code (such as 030 1234567); numbers that start with + and a country code are found whatever the country',
				},
				{
					displayName: 'Keep Redaction Map',
					name: 'keepMap',
					type: 'boolean',
					default: false,
					description:
						'Whether to add "redactions" to the item: each placeholder and the value it replaced, so that a later step can put the values back. Anyone who can see the item can then see the personal data.',
				},
			],
		},
	];
}

/** Transcript Budget (items with a `transcript`: Case Closed, Get Conversation, New Email on a Case). */
export function transcriptBudgetProperty(
	displayOptions: INodeProperties['displayOptions'] = {},
): INodeProperties {
	return {
		displayName: 'Transcript Budget',
		name: 'transcriptBudget',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: showing(displayOptions),
		description:
			'The most characters the transcript may have (0 for no limit). A longer one keeps the first customer message and the latest messages, and says how many messages it left out between which dates; "transcriptCut" says whether it was cut.',
	};
}

/** The parameters, in the order they appear; `displayOptions` are added to each (the options' own are kept). */
export function conversationProperties(
	displayOptions: INodeProperties['displayOptions'] = {},
): INodeProperties[] {
	return [...redactionProperties(displayOptions), transcriptBudgetProperty(displayOptions)];
}

type IDataShow = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** What Redact Personal Data asks for: the kinds, the phones' default country, and whether to keep the map. */
export type RedactionChoice = ItemRedaction;

/** What Redact Personal Data and Transcript Budget ask for. */
export interface ConversationOptions {
	redaction?: RedactionChoice;
	/** Characters; 0 for no limit. */
	transcriptBudget: number;
}

/** A value of these parameters that cannot be used, with the parameter named. */
export class ConversationOptionError extends Error {}

const KINDS = new Set(KIND_OPTIONS.map((o) => String(o.value)));
const COUNTRIES = new Set<string>(getCountries());

/** Redact Personal Data's choice from the node's parameters; undefined while it is off. */
export function redactionChoiceOf(
	read: (name: string, fallback: unknown) => unknown,
): RedactionChoice | undefined {
	if (read('redactPersonalData', false) !== true) return undefined;
	const chosen = read('redactionOptions', {}) as {
		redact?: unknown;
		country?: unknown;
		keepMap?: unknown;
	};
	const kinds = chosen.redact === undefined ? DEFAULT_KINDS : chosen.redact;
	if (!Array.isArray(kinds) || kinds.some((k) => !KINDS.has(String(k))))
		throw new ConversationOptionError(
			`Data to Redact: ${JSON.stringify(kinds)} is not a list of ${[...KINDS].join(', ')}`,
		);
	const given = String(chosen.country ?? 'US');
	const country = given.trim().toUpperCase();
	if (!COUNTRIES.has(country))
		throw new ConversationOptionError(
			`Default Country for Phone Numbers: "${given}" is not a country code (two letters, such as DE or US)`,
		);
	return {
		kinds: kinds as RedactionKind[],
		country: country as CountryCode,
		keepMap: chosen.keepMap === true,
	};
}

/** The options from the node's parameters (`read(name, fallback)` is getNodeParameter for the item). */
export function conversationOptionsOf(
	read: (name: string, fallback: unknown) => unknown,
): ConversationOptions {
	const budget = read('transcriptBudget', 0);
	if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0)
		throw new ConversationOptionError(
			`Transcript Budget: ${JSON.stringify(budget)} is not a number of characters (give 0 for no limit)`,
		);
	const options: ConversationOptions = { transcriptBudget: Math.floor(budget) };
	const redaction = redactionChoiceOf(read);
	if (redaction) options.redaction = redaction;
	return options;
}
