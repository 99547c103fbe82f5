// A readable name for a Security Hub standard ARN (…::standards/<slug>/v/<version> or ruleset/<slug>/v/<version>).
const NAMES: Record<string, string> = {
  "aws-foundational-security-best-practices": "AWS Foundational Security Best Practices",
  "cis-aws-foundations-benchmark": "CIS AWS Foundations Benchmark",
  "nist-800-53": "NIST SP 800-53",
  "nist-800-171": "NIST SP 800-171",
  "pci-dss": "PCI DSS",
  "aws-resource-tagging-standard": "AWS Resource Tagging Standard",
  "service-managed-aws-control-tower": "AWS Control Tower service-managed",
};

export function standardLabel(arn: string): string {
  const m = /(?:standards|ruleset)\/([^/]+)(?:\/v\/([^/]+))?$/.exec(arn);
  if (!m?.[1]) return arn;
  const name = NAMES[m[1]] ?? m[1];
  return m[2] ? `${name} v${m[2]}` : name;
}
