// lib/db (the audit trail's default client) reads the environment when first imported. Tests that
// pass their test database to every call import this first, so these values only have to be valid.
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
process.env.ORGLENS_DEMO_SIGNIN ??= "1";
