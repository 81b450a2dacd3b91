import { randomUUID } from "node:crypto";
import { createPurpose, publishPolicyVersion } from "@/lib/consents/admin";
import { testStaff } from "./product-factories";

/**
 * An optional consent purpose of one test alone, with version 1 published: publishing its later
 * versions (with re-acceptance) touches no other test's customers.
 */
export async function testPurpose() {
  const admin = await testStaff("ADMIN");
  const actor = { id: admin.id, role: admin.role, dealerId: null };
  const id = `t_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await createPurpose(actor, { id, nameJa: "テスト", nameEn: "Test", descriptionJa: "テスト用", descriptionEn: "For tests" });
  const publish = (version: string, requiresReacceptance = false) =>
    publishPolicyVersion(actor, {
      purpose: id,
      version,
      textJa: `# テスト ${version}\n\n本文です。これはテスト用の文書です。`,
      textEn: `# Test ${version}\n\nThe body. This is a document for tests.`,
      summaryJa: requiresReacceptance ? "変更点" : "",
      summaryEn: requiresReacceptance ? "What changed" : "",
      requiresReacceptance,
    });
  await publish("1");
  return { id, publish, admin };
}
