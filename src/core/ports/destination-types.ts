import type { DestinationClient, DestinationPreview, PushedMember } from './destination.js';

export interface CredentialProblem {
  readonly field: string;
  readonly message: string;
}

/** One field-mapping rule: the first HireBridge field with a value (`from`) goes to the system's `target`. */
export interface MappingRule {
  readonly target: string;
  readonly from: readonly string[];
  /** HiBob: the named list whose item id is sent instead of the text. */
  readonly list?: string | undefined;
}

/** A settings problem: where (`mapping.2.target`, as path parts) and what, in words. */
export interface SettingsProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The settings and field mapping of a destination type that has them (null for the webhook). */
export interface DestinationSettingsType {
  /** JSON Schema of the settings an admin edits in the form (the mapping apart), for the admin app. */
  readonly formSchema: unknown;
  readonly preset: readonly MappingRule[];
  /** The targets an admin may write, in words. */
  readonly targets: string;
  /** Checks saved settings (with defaults filled) and names every problem. */
  parse(
    input: Readonly<Record<string, unknown>>,
  ):
    | { readonly ok: true; readonly settings: unknown }
    | { readonly ok: false; readonly problems: readonly SettingsProblem[] };
  /** What a push would send for this member with these parsed settings; calls nothing. */
  preview(member: PushedMember, settings: unknown): DestinationPreview;
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
  /** Null when the destination has no settings or mapping (the signed webhook sends every field). */
  readonly settings: DestinationSettingsType | null;
  /** A client with the destination's saved settings; settings that no longer parse fall back to none. */
  client(destination: {
    readonly id: string;
    readonly baseUrl: string | null;
    readonly credentials: Readonly<Record<string, unknown>>;
    readonly settings?: Readonly<Record<string, unknown>>;
  }): DestinationClient;
}

export interface DestinationTypes {
  list(): readonly DestinationType[];
  get(type: string): DestinationType | undefined;
}
