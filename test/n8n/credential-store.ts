import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
} from 'n8n-workflow';
import { ICredentials, jsonParse } from 'n8n-workflow';

/**
 * n8n's `credentials_entity` table, in memory: id -> {name, type, data}. As in n8n, `data` is a
 * string (n8n stores it encrypted; here it is plain JSON: the Cipher needs n8n's key-management
 * services, and a JSON round trip already gives what matters to a test — stored data comes back
 * as a fresh copy, only JSON survives). Every write is logged so tests can assert what n8n saved.
 */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: string;
}

export interface CredentialWrite {
	id: string;
	/** Which `ICredentialsHelper` method saved it. */
	by: 'create' | 'updateCredentials' | 'updateCredentialsOauthTokenData' | 'setData';
	data: ICredentialDataDecryptedObject;
}

/**
 * Ids are unique in the process, as n8n's are in its database: n8n-core keys its OAuth2 refresh
 * lock (a module-wide single-flight) by credential id, so two stores must never share one.
 */
let lastId = 0;

export class CredentialStore {
	private readonly rows = new Map<string, StoredCredential>();
	/** Every write, oldest first. */
	readonly writes: CredentialWrite[] = [];

	create(
		type: string,
		data: ICredentialDataDecryptedObject,
		name = `${type} account`,
	): INodeCredentialsDetails & { id: string } {
		const id = `cred${String(++lastId).padStart(12, '0')}`;
		this.rows.set(id, { id, name, type, data: JSON.stringify(data) });
		this.writes.push({ id, by: 'create', data: this.read(id) });
		return { id, name };
	}

	/** The stored row (n8n's `findOneByOrFail({ id, type })`), or undefined. */
	find(id: string, type: string): StoredCredential | undefined {
		const row = this.rows.get(id);
		return row && row.type === type ? { ...row } : undefined;
	}

	typeOf(id: string): string {
		const row = this.rows.get(id);
		if (!row) throw new Error(`No credential with id ${id}`);
		return row.type;
	}

	/** The data as stored now (a fresh copy). */
	read(id: string): ICredentialDataDecryptedObject {
		const row = this.rows.get(id);
		if (!row) throw new Error(`No credential with id ${id}`);
		return jsonParse<ICredentialDataDecryptedObject>(row.data);
	}

	/** Replaces the stored data (the CLI's `credentialsRepository.update(..., { data })`). */
	save(id: string, data: string, by: CredentialWrite['by']): void {
		const row = this.rows.get(id);
		if (!row) throw new Error(`No credential with id ${id}`);
		row.data = data;
		this.writes.push({ id, by, data: this.read(id) });
	}

	/** What a user does in the credential dialog: changes fields and saves. */
	edit(id: string, changes: ICredentialDataDecryptedObject): void {
		this.save(id, JSON.stringify({ ...this.read(id), ...changes }), 'setData');
	}

	writesOf(id: string): CredentialWrite[] {
		return this.writes.filter((write) => write.id === id);
	}
}

/** n8n-core's `Credentials` (an `ICredentials`) over the store's JSON instead of the Cipher. */
export class StoredCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		if (this.data === undefined) throw new Error('No data is set so nothing can be returned.');
		return jsonParse<ICredentialDataDecryptedObject>(this.data);
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: ICredentialDataDecryptedObject,
		toDelete: string[] = [],
	): Promise<void> {
		const updated: ICredentialDataDecryptedObject = { ...(await this.getData()), ...toUpdate };
		for (const key of toDelete) delete updated[key];
		await this.setData(updated);
	}

	getDataToSave(): ICredentialsEncrypted {
		if (this.data === undefined) throw new Error('No credentials were set to save.');
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}
}
