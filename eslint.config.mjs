import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next*/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results*/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-assertions": [
        "error",
        { assertionStyle: "as", objectLiteralTypeAssertions: "never" },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/only-throw-error": "error",
    },
  },
  // Boundaries (docs/architecture.md): imports point one way, app -> lib/server -> lib/domain.
  {
    // Pure domain logic: no I/O, no framework, no database, no AWS.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/server",
                "@/lib/db",
                "@/lib/auth",
                "@/lib/generated",
                "@/lib/collect/sources/aws",
                "@prisma/*",
                "next",
                "next/*",
                "next-auth",
                "@aws-sdk/*",
                "server-only",
              ],
              message:
                "lib/domain is pure: plain functions over plain data. Do the I/O in lib/server or lib/collect and pass the data in.",
            },
          ],
        },
      ],
    },
  },
  {
    // Sign-in and roles only: the server resolves callers with it, never the other way round.
    files: ["lib/auth/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server"],
              message:
                "lib/auth is sign-in and roles only; lib/server depends on it, not the other way round (pass a callback in).",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages and routes reach data only through the guard (lib/server/http), lib/server functions and the
    // wire contracts in lib/api; the role table (lib/auth/roles) and error codes (lib/errors) are shared words.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db",
                "@/lib/domain",
                "@/lib/generated",
                "@prisma/*",
                "@/lib/collect",
                "@/lib/export",
                "@/lib/focus",
                "@/lib/alerts",
                "@/lib/secrets",
                "@/lib/env",
                "@/lib/testing",
                "@/lib/auth/*",
                "!@/lib/auth/roles",
                "@aws-sdk/*",
                "pg",
              ],
              message:
                "app/ imports only the route guard (lib/server/http), lib/server functions and lib/api contracts: put the query or logic in a lib/server function.",
            },
          ],
        },
      ],
    },
  },
  // Boundaries of the collection pipeline and of test support (docs/architecture.md). Path rules, so
  // alias and relative imports are both caught; kept in this block of their own.
  ...(() => {
    const collectAboveServer = {
      target: "./lib/collect",
      from: "./lib/server",
      message:
        "lib/collect must not import lib/server: move the shared code down (lib/collect, lib/domain, lib/db).",
    };
    const noTestSupport = {
      target: "./",
      from: "./testing",
      message:
        "Production code must not import testing/ (fixtures, emulators, fakes): only tests and test scripts do.",
    };
    return [
      // Tests may drive lib/server to check what a load leaves behind; production code may not.
      {
        files: ["lib/collect/**/*.ts"],
        ignores: ["**/*.test.ts"],
        rules: { "import/no-restricted-paths": ["error", { zones: [collectAboveServer] }] },
      },
      {
        files: [
          "app/**/*.{ts,tsx}",
          "components/**/*.{ts,tsx}",
          "lib/**/*.{ts,tsx}",
          "scripts/**/*.ts",
          "*.ts",
        ],
        // Tests, and the scripts that run or benchmark them, are test support themselves.
        ignores: [
          "**/*.test.ts",
          "**/*.test.tsx",
          "scripts/test.ts",
          "scripts/test-setup.ts",
          "scripts/e2e-server.ts",
          "scripts/bench/**",
          "playwright.config.ts",
          "vitest.config.ts",
        ],
        rules: {
          "import/no-restricted-paths": ["error", { zones: [collectAboveServer, noTestSupport] }],
        },
      },
    ];
  })(),
);
