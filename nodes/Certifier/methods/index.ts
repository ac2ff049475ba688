import { getCustomAttributes, getDesigns } from './load-options';
import { searchCredentials, searchDesigns, searchGroups } from './list-search';

export const listSearch = { searchCredentials, searchGroups, searchDesigns };
export const loadOptions = { getCustomAttributes, getDesigns };
