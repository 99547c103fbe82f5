// What a run could not read without it being an account failure: calls the endpoint does not
// implement, services not enabled. Recorded on the run so a gap in evidence is never silent.
import { AccountAuditError, describeAwsError, isAccessDenied, isNotSupported } from "./errors";

export interface RunNote {
  accountId: string;
  phase: string;
  message: string;
}

export class RunNotes {
  readonly list: RunNote[] = [];

  /**
   * @param unsupported operations already found not supported in this run: a worker shares one set
   * between the accounts it audits for a run, as a single-process run shares its one RunNotes.
   */
  constructor(private readonly unsupported = new Set<string>()) {}

  add(accountId: string, phase: string, message: string): void {
    this.list.push({ accountId, phase, message });
  }

  /**
   * Runs an optional read. Not supported → null and a note (and later accounts skip the call
   * instead of paying its retries again); any other error → AccountAuditError naming the call.
   */
  async optional<T>(
    accountId: string,
    operation: string,
    read: () => Promise<T>,
  ): Promise<T | null> {
    if (this.unsupported.has(operation)) {
      this.add(accountId, "unsupported", `${operation}: not supported by the endpoint (skipped)`);
      return null;
    }
    try {
      return await read();
    } catch (err) {
      if (isNotSupported(err)) {
        this.unsupported.add(operation);
        this.add(
          accountId,
          "unsupported",
          `${operation}: not supported by the endpoint (${describeAwsError(err).slice(0, 200)})`,
        );
        return null;
      }
      if (err instanceof AccountAuditError) throw err;
      // Denied, or failing after the SDK's retries: the account's evidence would be incomplete.
      throw new AccountAuditError(
        `${operation}: ${isAccessDenied(err) ? "access denied: " : ""}${describeAwsError(err)}`,
      );
    }
  }
}
