import { Alert } from "@/components/ui/alert";

/** "Check your inbox": what a form shows once it has sent an email. */
export function SentNotice({ title, body }: { title: string; body: string }) {
  return (
    <Alert tone="success">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{body}</p>
    </Alert>
  );
}
