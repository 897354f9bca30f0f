import type { DestinationClient } from './destination.js';

export interface CredentialProblem {
  readonly field: string;
  readonly message: string;
}

/** One destination connector as the use cases see it (main/ binds these to the registry's definitions). */
export interface DestinationType {
  readonly type: string;
  readonly label: string;
  readonly capabilities: readonly string[];
  readonly defaultBaseUrl: string | undefined;
  /** The credentials the admin types, as JSON Schema, for forms (the admin app, the CLI's help). */
  readonly credentialsSchema: unknown;
  /** Keys HireBridge generates when they are left out (shown once). */
  readonly generatedKeys: readonly string[];
  parseCredentials(
    input: unknown,
  ):
    | { readonly ok: true; readonly credentials: Readonly<Record<string, unknown>> }
    | { readonly ok: false; readonly problems: readonly CredentialProblem[] };
  generateCredentials(credentials: Readonly<Record<string, unknown>>): Readonly<Record<string, string>>;
  /** The admin-typed URLs a destination calls (its base URL, URL credentials), with their field names. */
  typedUrls(
    baseUrl: string | null,
    credentials: Readonly<Record<string, unknown>>,
  ): readonly { field: string; url: string }[];
  client(destination: {
    readonly id: string;
    readonly baseUrl: string | null;
    readonly credentials: Readonly<Record<string, unknown>>;
  }): DestinationClient;
}

export interface DestinationTypes {
  list(): readonly DestinationType[];
  get(type: string): DestinationType | undefined;
}
