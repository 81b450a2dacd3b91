import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import type { Role } from "@/lib/generated/prisma/enums";
import { StaffActions } from "./staff-actions";

type Person = {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  invited: boolean;
  secondFactor: boolean;
};

/** A dealer's people with their state (invited, second factor, disabled) and what may be done. */
export async function StaffList({ people, selfId, asStaffAdmin = false }: { people: Person[]; selfId: string; asStaffAdmin?: boolean }) {
  const [t, tr, format] = await Promise.all([getTranslations("dealer.staff"), getTranslations("roles"), getFormatter()]);
  return (
    <DataTable
      caption={t("listTitle")}
      empty={t("empty")}
      columns={[
        { id: "person", header: t("columns.person"), className: "min-w-40" },
        { id: "role", header: t("columns.role"), className: "whitespace-nowrap" },
        { id: "state", header: t("columns.state"), className: "min-w-32" },
        { id: "actions", header: t("columns.actions"), className: "min-w-40" },
      ]}
      rows={people.map((person) => ({
        id: person.id,
        cells: {
          person: (
            <span className="flex flex-col">
              <UserText className="font-medium">{person.name ?? "—"}</UserText>
              <span className="text-sm break-all text-slate-700">{person.email}</span>
            </span>
          ),
          role: tr(person.role),
          state: person.disabledAt
            ? t("stateDisabled", { date: format.dateTime(person.disabledAt, { dateStyle: "medium" }) })
            : person.invited
              ? t("stateInvited")
              : person.secondFactor
                ? t("stateActive")
                : t("stateNoSecondFactor"),
          actions:
            person.id === selfId || (!asStaffAdmin && person.role !== "DEALER_STAFF") ? (
              <span className="text-sm text-slate-600">{person.id === selfId ? t("you") : "—"}</span>
            ) : (
              <StaffActions
                person={{ id: person.id, name: person.name ?? person.email, disabled: person.disabledAt !== null, invited: person.invited }}
                asStaffAdmin={asStaffAdmin}
              />
            ),
        },
      }))}
    />
  );
}
