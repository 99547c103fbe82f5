// Which Cost Explorer services are workloads and which are identity/security plumbing. Matched on
// the SERVICE dimension names Cost Explorer returns ("Amazon Elastic Compute Cloud - Compute" …).

const WORKLOAD_PATTERNS: readonly RegExp[] = [
  /elastic compute cloud|^ec2|lightsail|lambda|batch|elastic beanstalk|app runner|fargate/i,
  /relational database|\brds\b|aurora|dynamodb|documentdb|neptune|redshift|elasticache|memorydb|keyspaces|timestream|opensearch|elasticsearch/i,
  /simple storage service|\bs3\b|elastic file system|\bfsx\b|storage gateway|glacier|elastic block store/i,
  /container|kubernetes|\becs\b|\beks\b|\becr\b/i,
  /sagemaker|bedrock|emr|elastic mapreduce|kinesis|glue|athena|msk|streaming for apache kafka|\bmq\b/i,
  /load balancing|cloudfront|api gateway|nat gateway|virtual private cloud|simple queue|simple notification|step functions/i,
];

const IDENTITY_SECURITY_PATTERNS: readonly RegExp[] = [
  /identity center|single sign-on|\bsso\b|identity and access|directory service|cognito/i,
  /cloudtrail|\bconfig\b|guardduty|security hub|inspector|macie|detective|access analyzer|firewall manager|shield|\bwaf\b/i,
  /key management|\bkms\b|secrets manager|certificate manager|cloudhsm|security lake/i,
  /cloudwatch|organizations|control tower|cost explorer|budgets|billing|support|\btax\b|marketplace/i,
];

/** Compute, databases, storage, containers, analytics, networking for applications. */
export function isWorkloadService(service: string): boolean {
  return WORKLOAD_PATTERNS.some((p) => p.test(service));
}

/** Services an identity or security account is expected to run (and billing lines such as Tax). */
export function isIdentitySecurityService(service: string): boolean {
  return IDENTITY_SECURITY_PATTERNS.some((p) => p.test(service));
}
