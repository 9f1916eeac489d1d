import type { TestOrg } from './testing';

/**
 * A new case from Rose (a new contact) owned by `queueId`, with her email and the agent's reply,
 * which quotes her; returns the case's Id. The case is left open.
 */
export function insertRoseCase(org: TestOrg['org'], queueId: string, subject: string): string {
	const contactId = org.store.insert('Contact', {
		FirstName: 'Rose',
		LastName: 'Gonzalez',
		Email: 'rose@customer.example',
	});
	const id = org.store.insert('Case', {
		Subject: subject,
		Status: 'New',
		Origin: 'Email',
		Priority: 'High',
		OwnerId: queueId,
		ContactId: contactId,
	});
	const at = org.clock.now();
	org.store.insert('EmailMessage', {
		ParentId: id,
		Incoming: true,
		FromAddress: 'rose@customer.example',
		FromName: 'Rose Gonzalez',
		ToAddress: 'support@company.example',
		Subject: subject,
		TextBody: `${subject}: my printer is broken.\n\nRose`,
		MessageDate: at,
		Status: '1',
	});
	org.store.insert('EmailMessage', {
		ParentId: id,
		Incoming: false,
		FromAddress: 'support@company.example',
		FromName: 'Hannah Weiß',
		ToAddress: 'rose@customer.example',
		Subject: `Re: ${subject}`,
		TextBody: `We sent a new one.\n\nOn Mon, Rose Gonzalez <rose@customer.example> wrote:\n> ${subject}: my printer is broken.`,
		MessageDate: at + 1000,
		Status: '3',
	});
	return id;
}
