import { describe, expect, it } from "vitest";
import { areaOf, areaOfPath, can, homePathFor, ROLES, type Actor } from "./permissions";

const actor = (role: Actor["role"], dealerId: string | null = null): Actor => ({ id: `u-${role}`, role, dealerId });

describe("policy table", () => {
  it("[8.2.1] gives each area only to its roles", () => {
    const access = Object.fromEntries(
      ROLES.map((role) => [
        role,
        { mypage: can(actor(role), "mypage.access"), staff: can(actor(role), "staff.access"), dealer: can(actor(role), "dealer.access") },
      ]),
    );
    expect(access).toEqual({
      CUSTOMER: { mypage: true, staff: false, dealer: false },
      SUPPORT_AGENT: { mypage: false, staff: true, dealer: false },
      SUPPORT_LEAD: { mypage: false, staff: true, dealer: false },
      ADMIN: { mypage: false, staff: true, dealer: false },
      DEALER_STAFF: { mypage: false, staff: false, dealer: true },
      DEALER_ADMIN: { mypage: false, staff: false, dealer: true },
    });
  });

  it("lets only a dealer admin manage a shop's staff, and only staff admins manage dealers", () => {
    expect(ROLES.filter((role) => can(actor(role), "dealer.staff.manage"))).toEqual(["DEALER_ADMIN"]);
    expect(ROLES.filter((role) => can(actor(role), "dealers.manage"))).toEqual(["ADMIN"]);
  });

  it("lets only leads and admins read the audit log", () => {
    expect(ROLES.filter((role) => can(actor(role), "audit.read"))).toEqual(["SUPPORT_LEAD", "ADMIN"]);
  });

  it("denies everything to a signed-out visitor", () => {
    expect(can(null, "mypage.access")).toBe(false);
    expect(can(undefined, "dealer.access")).toBe(false);
  });

  it("[8.4.1] scopes dealer staff to resources of their own dealer", () => {
    const dealerA = actor("DEALER_STAFF", "dealer-a");
    expect(can(dealerA, "dealer.profile.read", { dealerId: "dealer-a" })).toBe(true);
    expect(can(dealerA, "dealer.profile.read", { dealerId: "dealer-b" })).toBe(false);
    expect(can(dealerA, "dealer.profile.read", { dealerId: null })).toBe(false);
    // A dealer account not attached to any dealer owns nothing.
    expect(can(actor("DEALER_STAFF", null), "dealer.profile.read", { dealerId: null })).toBe(false);
  });

  it("knows which area a path is in", () => {
    expect(
      ["/mypage", "/mypage/x", "/admin", "/admin/audit", "/dealer", "/", "/signin", "/mypages", "/administrator"].map(areaOfPath),
    ).toEqual(["mypage", "mypage", "staff", "staff", "dealer", null, null, null, null]);
  });

  it("sends each role to its own area", () => {
    expect(ROLES.map((role) => [role, homePathFor(role), areaOf(role)])).toEqual([
      ["CUSTOMER", "/mypage", "mypage"],
      ["SUPPORT_AGENT", "/admin", "staff"],
      ["SUPPORT_LEAD", "/admin", "staff"],
      ["ADMIN", "/admin", "staff"],
      ["DEALER_STAFF", "/dealer", "dealer"],
      ["DEALER_ADMIN", "/dealer", "dealer"],
    ]);
  });
});
