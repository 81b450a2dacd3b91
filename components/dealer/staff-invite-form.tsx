"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { inviteDealerPersonAction, inviteShopStaffAction } from "@/lib/dealers/actions";
import { ZDealerPersonInviteSchema } from "@/lib/dealers/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Invite a person to a dealer: a dealer admin invites staff to its own shop (the dealer comes from
 * their session, never the form); a staff admin invites a dealer's admin or staff.
 */
export function StaffInviteForm({ dealerId, asStaffAdmin = false }: { dealerId: string; asStaffAdmin?: boolean }) {
  const t = useTranslations("dealer.staff");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZDealerPersonInviteSchema,
    action: (input) => (asStaffAdmin ? inviteDealerPersonAction(input) : inviteShopStaffAction({ name: input.name, email: input.email })),
    defaultValues: { dealerId, name: "", email: "", role: asStaffAdmin ? "DEALER_ADMIN" : "DEALER_STAFF" },
    onSuccess: () => {
      toast.success(t("invited"));
      form.reset({ dealerId, name: "", email: "", role: asStaffAdmin ? "DEALER_ADMIN" : "DEALER_STAFF" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...form.register("dealerId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} autoComplete="off" error={fieldError("name")} {...form.register("name")} />
        <FormField label={t("email")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
      </div>
      {asStaffAdmin && (
        <SelectField label={t("role")} error={fieldError("role")} {...form.register("role")}>
          <option value="DEALER_ADMIN">{t("roleAdmin")}</option>
          <option value="DEALER_STAFF">{t("roleStaff")}</option>
        </SelectField>
      )}
      <p className="text-sm text-slate-600">{t("inviteHint")}</p>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("inviting") : t("invite")}
      </Button>
    </form>
  );
}
