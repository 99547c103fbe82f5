// Errors a server function may throw; the route guard maps each to one HTTP status.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = () => new HttpError(401, "Sign in to continue.");
export const forbidden = (why = "You do not have permission to do this.") => new HttpError(403, why);
export const notFound = (what = "Not found.") => new HttpError(404, what);
export const conflict = (why: string) => new HttpError(409, why);
