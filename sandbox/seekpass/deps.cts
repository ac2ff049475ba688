// What every SEEK Pass route file is given.
import type { ClientRegistry } from './clients.cjs';
import type { SeekPassContext } from './service.cjs';
import type { SeekPassState } from './state.cjs';
import type { TokenIssuer } from './tokens.cjs';
import type { UploadSigner } from './uploads.cjs';

export interface SeekPassDeps {
	ctx: SeekPassContext;
	state: SeekPassState;
	issuer: TokenIssuer;
	clients: ClientRegistry;
	signer: UploadSigner;
}
