// Redact Personal Data: email addresses, phone numbers, card numbers, IBANs and people's names found
// in a case's texts and replaced by placeholders ([email 1], [phone 2]) that are the same for the
// same value within the case.

export { REDACTION_KINDS, withoutOverlaps, type Finding, type RedactionKind } from './findings';
export { findCardNumbers, passesLuhn } from './cardNumbers';
export { findEmailAddresses } from './emailAddresses';
export { findIbans, passesMod97 } from './ibans';
export { PersonNames } from './personNames';
export { findPhoneNumbers, maxPhoneFinder, type PhoneFinder } from './phoneNumbers';
export { Redactor, findPersonalData, restoreRedactions, type RedactionOptions } from './redactor';
export {
	itemRedactor,
	messagePeople,
	redactItem,
	redactItemWith,
	type ItemRedaction,
	type RedactItemOptions,
} from './redactItem';
export { redactTurns } from './turns';
