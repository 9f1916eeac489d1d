// Salesforce's token endpoint answers `{error, error_description}`. The `error` code decides; the
// description only picks the most likely fix to name first, and is always quoted as Salesforce
// wrote it, so a reworded description still yields a correct (if less pointed) message.

export type TokenFlow = 'jwt' | 'clientCredentials';

export interface TokenErrorContext {
	flow: TokenFlow;
	loginUrl: string;
	username?: string;
}

const PRE_AUTHORIZE =
	'In Salesforce Setup > App Manager, open the app > Manage > Edit Policies, set Permitted Users to "Admin approved users are pre-authorized", then add the user\'s profile or a permission set under Profiles or Permission Sets.';

/** A plain-words message for a token error; secrets never appear in it (none are passed in). */
export function describeTokenError(
	error: string,
	description: string,
	ctx: TokenErrorContext,
): string {
	const said = `Salesforce said: ${error}${description ? `, "${description}"` : ''}.`;
	const who = ctx.username ? `the user ${ctx.username}` : 'the run-as user';
	switch (error) {
		case 'invalid_client_id':
			return `Salesforce at ${ctx.loginUrl} does not know this consumer key. Check the Consumer Key of the connected app, and that the Environment is the org the app was created in (a sandbox does not know a production app, nor the reverse). ${said}`;
		case 'invalid_client':
			return `The consumer secret does not match the consumer key. Copy both again from the connected app (App Manager > the app > View > Manage Consumer Details). ${said}`;
		case 'unsupported_grant_type':
			return ctx.flow === 'jwt'
				? `The connected app does not accept the JWT bearer flow from here. Check that the app has "Use digital signatures" on with your certificate uploaded. ${said}`
				: `The connected app does not accept the client credentials flow. In the app's settings, turn on "Enable Client Credentials Flow". ${said}`;
		case 'invalid_app_access':
			return `${capitalize(who)} may not use this connected app. ${PRE_AUTHORIZE} ${said}`;
		case 'invalid_grant':
			return `${invalidGrantHint(description, ctx, who)} ${said}`;
		default:
			return `Salesforce refused to start a session. ${said}`;
	}
}

function invalidGrantHint(description: string, ctx: TokenErrorContext, who: string): string {
	const d = description.toLowerCase();
	if (d.includes('approved'))
		return `${capitalize(who)} is not pre-authorized for the connected app. ${PRE_AUTHORIZE}`;
	if (d.includes('assertion'))
		return 'The private key does not match the certificate uploaded to the connected app. Upload the certificate made from this key (the "Use digital signatures" setting of the app), or paste the key that belongs to the uploaded certificate.';
	if (d.includes('audience'))
		return `The login server does not accept this audience. Pick the Environment your org uses (Production, Sandbox or My Domain), or set Audience to your My Domain URL if your org requires it.`;
	if (d.includes('expired'))
		return "Salesforce thinks the request's time is wrong: check that this server's clock is right.";
	if (d.includes('client credentials user'))
		return 'The connected app has no run-as user for the client credentials flow. In the app\'s policies, set "Run As" under Client Credentials Flow to an integration user.';
	if (d.includes('domain'))
		return 'The client credentials flow works only on your My Domain address, not login.salesforce.com or test.salesforce.com.';
	if (ctx.flow === 'jwt') {
		return `Salesforce refused the JWT login of ${who}. Check, in this order: the username exists in the org of the selected Environment; the user is pre-authorized for the app (${PRE_AUTHORIZE}); the certificate uploaded to the app matches this private key.`;
	}
	return 'Salesforce refused the client credentials login. Check the run-as user of the connected app and that it is active.';
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
