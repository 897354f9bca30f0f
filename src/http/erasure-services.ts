import type { ErasureReport } from '../app/erase-member.js';
import type { ErasureRequestView } from '../app/erasure-requests.js';
import type { Principal } from '../core/auth/role.js';

/** Erasing members (admins), and the members Ashby deleted that wait for that decision. */
export interface ErasureServices {
  requests(): Promise<ErasureRequestView[]>;
  eraseMember(input: { memberId: string; confirm: boolean; principal: Principal }): Promise<ErasureReport>;
}
