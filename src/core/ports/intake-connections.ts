/** The little intake needs of a connection: its webhook secret, and noting pings and deliveries. */
export interface IntakeConnections {
  /** The decrypted Secret Token, or undefined when there is no such connection. */
  webhookSecret(connectionId: string): Promise<string | undefined>;
  notePing(connectionId: string, at: number): Promise<void>;
}
