import { DEMO, SandboxOrg } from '../org';

export interface DemoIdentity {
	username: string;
	password: string;
	clientId: string;
	clientSecret: string;
	privateKeyPath: string;
	certificatePath: string;
	userId: string;
}

/**
 * The demo user and the demo connected app: web-server flow with any callback URL, the demo
 * certificate for JWT bearer, the demo user pre-authorized and set as client-credentials run-as user.
 */
export function setUpDemoIdentity(org: SandboxOrg): DemoIdentity {
	const userId = org.addUser({
		firstName: 'Sandbox',
		lastName: 'Integration',
		email: DEMO.username,
		username: DEMO.username,
		password: DEMO.password,
		title: 'Integration User',
	});
	// The org's first user has no one to be created by: as in a new org, it is its own creator.
	if (!org.store.get(userId)?.CreatedById)
		org.store.update('User', userId, { CreatedById: userId }, { userId });
	org.addConnectedApp({
		name: 'n8n Service Cloud (demo)',
		clientId: DEMO.clientId,
		clientSecret: DEMO.clientSecret,
		certificates: [SandboxOrg.demoCertificate()],
		preAuthorizedUserIds: new Set([userId]),
		clientCredentialsUserId: userId,
	});
	return {
		username: DEMO.username,
		password: DEMO.password,
		clientId: DEMO.clientId,
		clientSecret: DEMO.clientSecret,
		userId,
		...SandboxOrg.demoKeyPaths(),
	};
}
