// What every SEEK Pass route file is given.
import type { SeekPassContext } from './service.cjs';
import type { SeekPassState } from './state.cjs';
import type { TokenIssuer } from './tokens.cjs';

export interface SeekPassDeps {
	ctx: SeekPassContext;
	state: SeekPassState;
	issuer: TokenIssuer;
}
