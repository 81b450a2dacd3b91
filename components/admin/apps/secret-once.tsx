"use client";

import { Alert } from "@/components/ui/alert";

/** A secret shown once, right after it was made (it is kept only hashed or sealed). */
export function SecretOnce({ title, note, secret }: { title: string; note: string; secret: string }) {
  return (
    <Alert tone="success">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{note}</p>
      <code data-testid="secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-sm select-all">
        {secret}
      </code>
    </Alert>
  );
}
