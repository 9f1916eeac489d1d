import { UnrecognizedCredentialTypeError } from 'n8n-core';
import type { ICredentialType, ICredentialTypes } from 'n8n-workflow';
import { injectDomainRestrictionFields } from 'n8n-workflow';

import { OAuth2Api } from './oauth2-api.credential';

/**
 * The credential types n8n knows, as packages/cli/src/credential-types.ts exposes them from the
 * loaded packages: by name, with their parent types (`extends`, recursively) and the nodes that
 * use them (the loader's `supportedNodes`: full node type names, `<package>.<node>`).
 * n8n's own `oAuth2Api` is always known (n8n-nodes-base is loaded in every n8n).
 *
 * Like the CLI's loader (LoadNodesAndCredentials.postProcessLoaders), each type gets n8n's domain
 * restriction fields (`allowedHttpRequestDomains`, default 'all', and `allowedDomains`) when it has
 * `authenticate`, `genericAuth` or extends an OAuth type. The loader assigns the new property list
 * on the loaded instance; here the instance is wrapped instead, so the test's object is untouched
 * and methods on its prototype (`preAuthentication`, `authenticate`) still work.
 */
export class TestCredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		types: ICredentialType[],
		private readonly supportedNodes: Record<string, string[]> = {},
	) {
		for (const type of [new OAuth2Api(), ...types]) {
			const loaded: ICredentialType = Object.create(type, {
				properties: { value: injectDomainRestrictionFields(type), enumerable: true },
			});
			this.types.set(type.name, loaded);
		}
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (!type) throw new UnrecognizedCredentialTypeError(credentialType);
		return type;
	}

	getSupportedNodes(type: string): string[] {
		return this.supportedNodes[type] ?? [];
	}

	/**
	 * All ancestors, nearest first. The CLI's version pushes into the loader's own `extends` array
	 * while iterating it; this returns the same list without that side effect.
	 */
	getParentTypes(typeName: string): string[] {
		const parents = this.types.get(typeName)?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}
}
