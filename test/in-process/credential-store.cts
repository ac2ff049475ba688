// What n8n keeps in its credentials table, in memory and unencrypted: tests read it back
// to see what n8n persisted (e.g. the OAuth token after a fetch or refresh).
import type { ICredentialDataDecryptedObject, INodeCredentialsDetails } from 'n8n-workflow';

export interface CredentialInput {
	/** Defaults to the type name, so a test with one credential per type needs no id. */
	id?: string;
	name?: string;
	data: ICredentialDataDecryptedObject;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
	/** How many times n8n wrote a new OAuth token for this credential. */
	tokenWrites: number;
}

// Copies in and out, as a database round trip would: a node or n8n-core mutating the
// object it was handed must not change what is stored.
const copy = <T,>(value: T): T => structuredClone(value);

export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();

	set(type: string, input: CredentialInput): StoredCredential {
		const id = input.id ?? type;
		const stored = { id, name: input.name ?? id, type, data: copy(input.data), tokenWrites: 0 };
		this.byId.set(id, stored);
		return stored;
	}

	/** The lookup n8n does for a node's credential slot: by id, and the type must match. */
	find(details: INodeCredentialsDetails, type: string): StoredCredential {
		if (!details.id) {
			throw new Error(`In-process n8n: credential "${details.name}" (${type}) has no id`);
		}
		const stored = this.byId.get(details.id);
		if (!stored || stored.type !== type) {
			throw new Error(`In-process n8n: no credential with id "${details.id}" of type "${type}"`);
		}
		return stored;
	}

	/** For assertions: the single credential of a type, or the one with the given id. */
	lookup(type: string, id?: string): StoredCredential {
		if (id !== undefined) return this.find({ id, name: id }, type);
		const ofType = [...this.byId.values()].filter((c) => c.type === type);
		if (ofType.length !== 1) {
			throw new Error(`In-process n8n: ${ofType.length} credentials of type "${type}"; pass an id`);
		}
		return ofType[0];
	}

	readData(stored: StoredCredential): ICredentialDataDecryptedObject {
		return copy(stored.data);
	}

	replaceData(stored: StoredCredential, data: ICredentialDataDecryptedObject): void {
		stored.data = copy(data);
	}

	writeTokenData(stored: StoredCredential, oauthTokenData: unknown): void {
		stored.data = {
			...stored.data,
			oauthTokenData: copy(oauthTokenData) as ICredentialDataDecryptedObject['oauthTokenData'],
		};
		stored.tokenWrites += 1;
	}
}
