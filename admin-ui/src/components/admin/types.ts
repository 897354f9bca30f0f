import type { ConnectionResponse } from '../../../../src/contract/connections';
import type { AddedUserResponse, InviteUrlResponse, UserResponse } from '../../../../src/contract/people';

/** List answers of the API: `{items: [...]}`. */
export interface ListAnswer<T> {
  readonly items: readonly T[];
}

/** POST /api/v1/connections/ashby answers the connection plus its Secret Token, this once. */
export type ConnectedAnswer = ConnectionResponse & { readonly secretToken: string };

export type AdminUser = UserResponse;
export type InvitedUser = AddedUserResponse;
export type InviteAnswer = InviteUrlResponse;

export type { ConnectionResponse };
