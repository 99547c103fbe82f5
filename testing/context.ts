// What the integration globalSetup hands to test files through vitest's provide/inject.

export const TEMPLATE_DATABASE = "orglens_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the test cluster's `postgres` database (create and drop databases). */
    pgAdminUrl: string;
  }
}
