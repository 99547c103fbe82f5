import { Card } from "@/components/ui/card";
import type { TAlertSettings } from "@/lib/api/alerts";

const STATUS_CLASS: Record<string, string> = {
  sent: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  pending: "text-amber-700 dark:text-amber-300",
};

export function DeliveriesTable({ deliveries }: { deliveries: TAlertSettings["deliveries"] }) {
  return (
    <Card title="Recent deliveries">
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Recent deliveries table">
          <table className="w-full text-left text-sm" aria-label="Recent deliveries">
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2">When</th>
                <th>Channel</th>
                <th>Alert</th>
                <th>Status</th>
                <th className="text-right">Attempts</th>
                <th className="pl-4">Error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2 whitespace-nowrap">{new Date(d.createdAt).toLocaleString()}</td>
                  <td>{d.channelName}</td>
                  <td>{d.summary}</td>
                  <td className={STATUS_CLASS[d.status] ?? ""}>{d.status}</td>
                  <td className="tabular text-right">{d.attempts}</td>
                  <td className="max-w-xs truncate pl-4" title={d.lastError ?? ""}>
                    {d.lastError ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
