import type { Resource } from '../../common/operation';
import { credential } from './credential';
import { skill } from './skill';

export const resources: Resource[] = [credential, skill];
