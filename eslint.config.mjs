import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next*/**", ".data/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "test-results*/**", "playwright-report/**"] },
  ...nextVitals,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "as", objectLiteralTypeAssertions: "never" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
    },
  },
  // Boundaries of the collection pipeline and of test support (docs/architecture.md). Path rules, so
  // alias and relative imports are both caught; kept in this block of their own.
  ...(() => {
    const collectAboveServer = {
      target: "./lib/collect",
      from: "./lib/server",
      message: "lib/collect must not import lib/server: move the shared code down (lib/collect, lib/domain, lib/db).",
    };
    const noTestSupport = {
      target: "./",
      from: "./testing",
      message: "Production code must not import testing/ (fixtures, emulators, fakes): only tests and test scripts do.",
    };
    return [
      { files: ["lib/collect/**/*.ts"], rules: { "import/no-restricted-paths": ["error", { zones: [collectAboveServer] }] } },
      {
        files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "scripts/**/*.ts", "*.ts"],
        // Tests, and the scripts that run or benchmark them, are test support themselves.
        ignores: ["**/*.test.ts", "**/*.test.tsx", "scripts/test.ts", "scripts/test-setup.ts", "scripts/e2e-server.ts", "scripts/bench/**", "playwright.config.ts", "vitest.config.ts"],
        rules: { "import/no-restricted-paths": ["error", { zones: [collectAboveServer, noTestSupport] }] },
      },
    ];
  })(),
);
