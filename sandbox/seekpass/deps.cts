// What every SEEK Pass route file is given.
import type { SandboxContext } from '../core/types.cjs';
import type { SeekPassState } from './state.cjs';
import type { TokenIssuer } from './tokens.cjs';

export interface SeekPassDeps {
	ctx: SandboxContext;
	state: SeekPassState;
	issuer: TokenIssuer;
}
