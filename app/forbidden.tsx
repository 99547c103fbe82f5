import { DeadEndPage } from "@/components/ui/dead-end-page";

export default function Forbidden() {
  return (
    <DeadEndPage
      title="You do not have access to this page"
      reason="Your role does not include it. Ask an OrgLens admin if you need it."
    />
  );
}
