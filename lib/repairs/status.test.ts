import { describe, expect, it } from "vitest";
import { customerCanCancel, staffMoveRefusal, staffMovesFor } from "./status";

const ticket = (status: Parameters<typeof staffMoveRefusal>[0]["status"], over: Partial<Parameters<typeof staffMoveRefusal>[0]> = {}) => ({
  status,
  coverage: "WARRANTY" as const,
  estimateApproved: false,
  estimateDeclined: false,
  ...over,
});

describe("repair status moves", () => {
  it("follows the happy path of a warranty repair", () => {
    expect(staffMovesFor(ticket("RECEIVED"))).toEqual(["DIAGNOSING"]);
    expect(staffMovesFor(ticket("DIAGNOSING"))).toEqual(["REPAIRING", "SHIPPED_BACK"]);
    expect(staffMovesFor(ticket("REPAIRING"))).toEqual(["SHIPPED_BACK"]);
    expect(staffMovesFor(ticket("SHIPPED_BACK"))).toEqual(["COMPLETED"]);
  });

  it("refuses a paid repair without an approved estimate, and explains why", () => {
    expect(staffMoveRefusal(ticket("DIAGNOSING", { coverage: "PAID" }), "REPAIRING")).toBe("needsEstimate");
    expect(staffMoveRefusal(ticket("DIAGNOSING", { coverage: "PAID", estimateApproved: true }), "REPAIRING")).toBeNull();
  });

  it("ships an estimated unit back only after the customer declined", () => {
    expect(staffMoveRefusal(ticket("ESTIMATE_SENT", { coverage: "PAID" }), "SHIPPED_BACK")).toBe("estimatePending");
    expect(staffMoveRefusal(ticket("ESTIMATE_SENT", { coverage: "PAID", estimateDeclined: true }), "SHIPPED_BACK")).toBeNull();
  });

  it("refuses skipping steps and moving closed tickets", () => {
    expect(staffMoveRefusal(ticket("RECEIVED"), "COMPLETED")).toBe("notAllowed");
    expect(staffMoveRefusal(ticket("COMPLETED"), "REPAIRING")).toBe("closed");
    expect(staffMoveRefusal(ticket("CANCELLED"), "DIAGNOSING")).toBe("closed");
  });

  it("lets the customer cancel only before diagnosis", () => {
    expect(customerCanCancel("RECEIVED")).toBe(true);
    expect(customerCanCancel("DIAGNOSING")).toBe(false);
  });
});
