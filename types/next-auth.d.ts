import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    groups: string[];
    /** The email claim when the identity provider marked it verified; bootstrap admins match only this. */
    verifiedEmail: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    groups?: string[];
    verifiedEmail?: string | null;
  }
}
