"use client";

import { formText } from "@/lib/forms/form-text";
import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { postJson } from "@/lib/api/fetch-json";
import { CHANNEL_TYPES, type TChannelType } from "@/lib/alerts/channel-config";
import { buttonClass, inputClass } from "./styles";

const LABELS: Record<TChannelType, string> = {
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams webhook",
  webhook: "Generic JSON webhook (HMAC-signed)",
  email: "Email (SMTP)",
};

function Field({
  label,
  name,
  type = "text",
  required = true,
  placeholder,
}: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  placeholder?: string;
}) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input
        name={name}
        type={type}
        required={required}
        placeholder={placeholder}
        className={inputClass}
      />
    </label>
  );
}

function configOf(type: TChannelType, f: FormData): Record<string, unknown> {
  const s = (k: string) => formText(f, k);
  switch (type) {
    case "slack":
    case "teams":
      return { url: s("url") };
    case "webhook":
      return { url: s("url"), secret: s("secret") };
    case "email":
      return {
        host: s("host"),
        port: Number(s("port")),
        secure: f.get("secure") === "on",
        allowPlaintext: f.get("allowPlaintext") === "on",
        user: s("user") || undefined,
        password: s("password") || undefined,
        from: s("from"),
        to: s("to")
          .split(/[,\s]+/)
          .filter(Boolean),
      };
  }
}

export function ChannelForm() {
  const qc = useQueryClient();
  const [type, setType] = useState<TChannelType>("slack");
  const [plaintext, setPlaintext] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      postJson("/api/v1/alerts/channels", z.object({ id: z.string() }), body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["alerts"] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    save.mutate(
      { name: formText(f, "name"), type, enabled: true, config: configOf(type, f) },
      {
        onSuccess: () => {
          form.reset();
          setPlaintext(false);
        },
      },
    );
  };
  return (
    <Card title="Add a channel">
      <form onSubmit={submit} className="grid gap-3 md:grid-cols-2" aria-label="Add a channel">
        <Field label="Name" name="name" placeholder="e.g. #secops" />
        <label className="text-sm">
          <span className="mb-1 block font-medium">Type</span>
          <select
            value={type}
            onChange={(e) => setType(z.enum(CHANNEL_TYPES).parse(e.target.value))}
            className={inputClass}
          >
            {CHANNEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        {type === "email" ? (
          <>
            <Field label="SMTP host" name="host" />
            <Field label="SMTP port" name="port" type="number" placeholder="587" />
            <Field label="SMTP user" name="user" required={false} />
            <Field label="SMTP password" name="password" type="password" required={false} />
            <Field label="From" name="from" type="email" />
            <Field label="To (comma-separated)" name="to" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="secure" /> Implicit TLS (port 465); otherwise STARTTLS is
              required
            </label>
            <div className="text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="allowPlaintext"
                  checked={plaintext}
                  onChange={(e) => setPlaintext(e.target.checked)}
                />{" "}
                Allow sending without TLS
              </label>
              {plaintext ? (
                <p role="note" className="mt-1 text-amber-800 dark:text-amber-300">
                  Warning: without TLS the SMTP password and every alert cross the network in clear
                  text. Use only for a relay on a network you trust.
                </p>
              ) : null}
            </div>
          </>
        ) : (
          <>
            <Field label="Webhook URL" name="url" type="url" placeholder="https://…" />
            {type === "webhook" ? (
              <Field label="Signing secret (min. 8 characters)" name="secret" type="password" />
            ) : null}
          </>
        )}
        <div className="md:col-span-2">
          <button type="submit" disabled={save.isPending} className={buttonClass}>
            {save.isPending ? "Saving…" : "Add channel"}
          </button>
          <ActionError error={save.error} className="ml-3" />
        </div>
      </form>
    </Card>
  );
}
