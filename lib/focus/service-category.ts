// FOCUS ServiceCategory for a Cost Explorer service name (mandatory, so unknown services are "Other").
// First matching pattern wins; the order puts specific names before broad ones.
// prettier-ignore
const CATEGORIES: readonly [RegExp, string][] = [
  [/^Tax$/i, "Other"],
  [/SageMaker|Bedrock|Rekognition|Comprehend|Textract|Polly|Transcribe|Translate|Lex\b|Kendra|Q Business/i, "AI and Machine Learning"],
  [/Athena|Glue|Kinesis|Elastic MapReduce|\bEMR\b|Managed Streaming for Apache Kafka|OpenSearch|Elasticsearch|QuickSight|Redshift|Data Pipeline|Lake Formation/i, "Analytics"],
  [/Identity Center|Directory Service|Cognito|\bIAM\b|Single Sign-On/i, "Identity"],
  [/GuardDuty|Security Hub|Inspector|Macie|Key Management|\bKMS\b|\bWAF\b|Shield|Detective|Firewall|Secrets Manager|CloudHSM|Certificate Manager/i, "Security"],
  [/Relational Database|DynamoDB|ElastiCache|DocumentDB|Neptune|Aurora|MemoryDB|Keyspaces|Timestream/i, "Databases"],
  [/Simple Storage|Elastic File System|FSx|Backup|Glacier|Storage Gateway|Elastic Block Store/i, "Storage"],
  [/Virtual Private Cloud|CloudFront|Route 53|Direct Connect|Global Accelerator|Data Transfer|Load Balancing|Transit Gateway|API Gateway|PrivateLink/i, "Networking"],
  [/Simple Queue|Simple Notification|Step Functions|EventBridge|Amazon MQ|AppSync|\bSWF\b/i, "Integration"],
  [/CodeBuild|CodePipeline|CodeArtifact|CodeCommit|CodeDeploy|Container Registry|X-Ray|Cloud9/i, "Developer Tools"],
  [/Simple Email|Connect|Pinpoint|WorkSpaces|Chime|WorkMail/i, "Business Applications"],
  [/Amplify/i, "Web"],
  [/Transfer Family|Migration|Database Migration|DataSync|Snow/i, "Migration"],
  [/CloudWatch|CloudTrail|Config|Systems Manager|Cost Explorer|Organizations|Control Tower|Support|Trusted Advisor|CloudFormation|Service Catalog/i, "Management and Governance"],
  [/Elastic Compute Cloud|EC2|Lambda|Elastic Container Service|Kubernetes|Fargate|Batch|Lightsail|Elastic Beanstalk/i, "Compute"],
  [/IoT/i, "Internet of Things"],
  [/Elemental|Media|Interactive Video/i, "Media"],
];

export function serviceCategory(service: string): string {
  return CATEGORIES.find(([re]) => re.test(service))?.[1] ?? "Other";
}
