import { DeadEndPage } from "@/components/ui/dead-end-page";

export default function NotFound() {
  return (
    <DeadEndPage
      title="Not found"
      reason="It does not exist, or it is outside the part of the organization you can see."
    />
  );
}
