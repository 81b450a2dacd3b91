/**
 * Demo data: dealers, product models, customers with profiles, and one account per staff role plus
 * a dealer user (lib/demo/accounts.ts). Idempotent: running it again changes nothing that exists.
 * Only the start script in demo mode and `npm run db:seed` call it; production creates no account.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../lib/demo/accounts.ts";
import { keyedHasher, secretBox } from "../lib/auth/secret-box.ts";
import { DEMO_AGENT, DEMO_SITE } from "../lib/demo/apps.ts";
import { DEMO_OWNED_SERIAL, demoSerial } from "../lib/demo/products.ts";
import { PRIVILEGED_ROLES } from "../lib/auth/permissions.ts";

const DEALERS = [
  { code: "D-TKY-001", name: "東京中央電機", prefecture: "東京都", phone: "03-1234-5678" },
  { code: "D-OSK-002", name: "なにわデンキ", prefecture: "大阪府", phone: "06-2345-6789" },
  { code: "D-SPR-003", name: "北海ホームサービス", prefecture: "北海道", phone: "011-345-6789" },
];

const PRODUCT_MODELS = [
  {
    code: "AC-2600",
    nameJa: "ルームエアコン AC-2600",
    nameEn: "Room air conditioner AC-2600",
    category: "air-conditioner",
    warrantyMonths: 12,
    warrantyBasis: "PURCHASE_DATE",
    graceMonths: 3,
    registrationBonusMonths: 6,
    registrationWindowDays: 30,
    serialPattern: "AC26[0-9]{6}[0-9A-Z]",
    checkDigit: "ISO7064_MOD37_36",
  },
  {
    code: "RF-450",
    nameJa: "冷蔵庫 RF-450",
    nameEn: "Refrigerator RF-450",
    category: "refrigerator",
    warrantyMonths: 12,
    warrantyBasis: "PURCHASE_DATE",
    graceMonths: 3,
    registrationBonusMonths: 12,
    registrationWindowDays: 60,
    serialPattern: "RF45[0-9]{6}[0-9A-Z]",
    checkDigit: "ISO7064_MOD37_36",
  },
  {
    code: "WM-90",
    nameJa: "ドラム式洗濯機 WM-90",
    nameEn: "Front-loading washer WM-90",
    category: "washer",
    warrantyMonths: 12,
    warrantyBasis: "MANUFACTURE_DATE",
    graceMonths: 6,
    registrationBonusMonths: 0,
    registrationWindowDays: null,
    serialPattern: "[0-9]{10}",
    checkDigit: "LUHN",
  },
  {
    code: "VC-7",
    nameJa: "コードレス掃除機 VC-7",
    nameEn: "Cordless vacuum VC-7",
    category: "vacuum",
    warrantyMonths: 24,
    warrantyBasis: "PURCHASE_DATE",
    graceMonths: 3,
    registrationBonusMonths: 6,
    registrationWindowDays: null,
    serialPattern: "VC7[0-9A-Z]{7}",
    checkDigit: "NONE",
  },
] as const;

const EXTENDED_PLANS = [
  {
    modelCode: "AC-2600",
    nameJa: "エアコン延長保証 3年",
    nameEn: "Air conditioner extended warranty, 3 years",
    months: 36,
    transferable: true,
    priceYen: 8800,
  },
  {
    modelCode: "RF-450",
    nameJa: "安心プラス 2年(ご本人様限り)",
    nameEn: "Peace of mind plus, 2 years (owner only)",
    months: 24,
    transferable: false,
    priceYen: 5500,
  },
];

const CUSTOMER_PROFILES: Record<string, { nameKana: string; phone: string }> = {
  "customer@demo.example": { nameKana: "ヤマダ ハナコ", phone: "090-1111-2222" },
  "customer2@demo.example": { nameKana: "サトウ ケン", phone: "080-3333-4444" },
};

/** Customers without a password (they will arrive through sign-up and social login later). */
const EXTRA_CUSTOMERS = [
  { email: "kimura@demo.example", name: "木村 拓也", nameKana: "キムラ タクヤ", phone: "070-5555-6666" },
  { email: "nakamura@demo.example", name: "中村 さくら", nameKana: "ナカムラ サクラ", phone: "090-7777-8888" },
  { email: "emily@demo.example", name: "Emily Clark", nameKana: null, phone: null, locale: "en" },
];

/**
 * `authSecret` is the AUTH_SECRET the app will run with: the demo staff accounts' TOTP secret is
 * stored encrypted under it, like every other second factor.
 */
/** What the customer picks as the problem, per product category (admins edit these under Desk settings). */
const S = (code: string, nameJa: string, nameEn: string) => ({ code, nameJa, nameEn });
const COMMON = {
  noPower: S("no_power", "電源が入らない", "Does not turn on"),
  noise: S("noise", "異音がする", "Makes an unusual noise"),
  leak: S("leak", "水漏れがある", "Leaks water"),
  errorCode: S("error_code", "エラーが表示される", "Shows an error code"),
  other: S("other", "その他", "Something else"),
};
export const SYMPTOMS: Record<string, { code: string; nameJa: string; nameEn: string }[]> = {
  "air-conditioner": [
    S("not_cooling", "冷えない・暖まらない", "Does not cool or heat"),
    COMMON.noise,
    COMMON.leak,
    COMMON.errorCode,
    COMMON.noPower,
    COMMON.other,
  ],
  refrigerator: [
    S("not_cooling", "冷えない", "Does not keep cold"),
    S("door", "ドアがきちんと閉まらない", "Door does not close properly"),
    COMMON.noise,
    COMMON.leak,
    COMMON.noPower,
    COMMON.other,
  ],
  washer: [
    S("no_spin", "脱水しない", "Does not spin"),
    S("door", "ドアが開かない", "Door does not open"),
    COMMON.leak,
    COMMON.noise,
    COMMON.errorCode,
    COMMON.other,
  ],
  vacuum: [
    S("weak_suction", "吸引力が弱い", "Weak suction"),
    S("battery", "バッテリーがすぐ切れる", "Battery runs out quickly"),
    COMMON.noPower,
    COMMON.noise,
    COMMON.other,
  ],
};

/** Units made long ago, so the demo can show a repair out of warranty (registered without a receipt, their warranty has ended). */
export const DEMO_OLD_UNITS = { modelCode: "AC-2600", from: 21, to: 23, manufacturedOn: new Date(Date.UTC(2022, 3, 10)) };

const CANNED_REPLIES = [
  {
    titleJa: "お問い合わせのお礼",
    titleEn: "Thanks for contacting us",
    bodyJa: "{name}様、お問い合わせありがとうございます。担当の者が確認して、このチャットでお返事します。",
    bodyEn: "Hello {name}, thank you for contacting us. We are looking into it and will reply in this chat.",
  },
  {
    titleJa: "シリアル番号の場所",
    titleEn: "Where the serial number is",
    bodyJa: "{name}様、シリアル番号は本体側面のラベルに記載されています。写真を添付していただければ、こちらで確認します。",
    bodyEn: "Hello {name}, the serial number is on the label on the side of the unit. Attach a photo and we will check it for you.",
  },
  {
    titleJa: "解決の確認",
    titleEn: "Is it solved?",
    bodyJa: "{name}様、その後いかがでしょうか。解決していれば、この会話を終了させていただきます。",
    bodyEn: "Hello {name}, is everything working now? If so, we will close this conversation.",
  },
];

export async function seed(url: string, options: { authSecret: string }): Promise<void> {
  const box = secretBox(options.authSecret);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    for (const dealer of DEALERS) {
      await db.dealer.upsert({ where: { code: dealer.code }, update: {}, create: dealer });
    }
    for (const model of PRODUCT_MODELS) {
      const created = await db.productModel.upsert({ where: { code: model.code }, update: {}, create: model });
      for (let n = 1; n <= 20; n++) {
        const serial = demoSerial(model.code, n);
        await db.serialUnit.upsert({
          where: { serial },
          update: {},
          create: {
            serial,
            modelId: created.id,
            manufacturedOn: new Date(Date.UTC(2026, 0, 5 + n)),
            lot: `${model.code}-L${n <= 10 ? "01" : "02"}`,
          },
        });
      }
    }
    const oldModel = await db.productModel.findUniqueOrThrow({ where: { code: DEMO_OLD_UNITS.modelCode } });
    for (let n = DEMO_OLD_UNITS.from; n <= DEMO_OLD_UNITS.to; n++) {
      const serial = demoSerial(DEMO_OLD_UNITS.modelCode, n);
      await db.serialUnit.upsert({
        where: { serial },
        update: {},
        create: { serial, modelId: oldModel.id, manufacturedOn: DEMO_OLD_UNITS.manufacturedOn, lot: `${DEMO_OLD_UNITS.modelCode}-L00` },
      });
    }
    for (const [productCategory, symptoms] of Object.entries(SYMPTOMS)) {
      for (const [index, symptom] of symptoms.entries()) {
        await db.symptomCategory.upsert({
          where: { productCategory_code: { productCategory, code: symptom.code } },
          update: {},
          create: { productCategory, ...symptom, sortOrder: index },
        });
      }
    }
    for (const plan of EXTENDED_PLANS) {
      const model = await db.productModel.findUniqueOrThrow({ where: { code: plan.modelCode } });
      const exists = await db.extendedWarrantyPlan.findFirst({ where: { modelId: model.id, nameEn: plan.nameEn } });
      if (!exists) {
        const { modelCode: _code, ...data } = plan;
        await db.extendedWarrantyPlan.create({ data: { ...data, modelId: model.id } });
      }
    }
    const firstDealer = await db.dealer.findUniqueOrThrow({ where: { code: DEALERS[0]!.code } });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      await db.user.upsert({
        where: { email: account.email },
        update: {},
        create: {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          emailVerified: new Date(),
          dealerId: account.role === "DEALER_STAFF" || account.role === "DEALER_ADMIN" ? firstDealer.id : null,
          // Staff, admin and dealer accounts must have a second factor (ASVS 6.3.3).
          ...(PRIVILEGED_ROLES.includes(account.role) ? { totpSecret: box.seal(DEMO_TOTP_SECRET), totpEnabledAt: new Date() } : {}),
          ...CUSTOMER_PROFILES[account.email],
        },
      });
    }
    for (const customer of EXTRA_CUSTOMERS) {
      await db.user.upsert({ where: { email: customer.email }, update: {}, create: { ...customer, role: "CUSTOMER" } });
    }
    // One unit already has an owner, so the claim path can be tried (README).
    const ownedUnit = await db.serialUnit.findUniqueOrThrow({
      where: { serial: demoSerial(DEMO_OWNED_SERIAL.modelCode, DEMO_OWNED_SERIAL.n) },
    });
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNED_SERIAL.ownerEmail } });
    if ((await db.ownership.count({ where: { unitId: ownedUnit.id } })) === 0) {
      await db.ownership.create({
        data: { unitId: ownedUnit.id, userId: owner.id, purchasedOn: new Date(Date.UTC(2026, 2, 1)), dealerId: firstDealer.id },
      });
      // Bought with the 3-year extended warranty, so My products shows an extended plan.
      const plan = await db.extendedWarrantyPlan.findFirstOrThrow({ where: { modelId: ownedUnit.modelId } });
      await db.unitExtension.create({ data: { unitId: ownedUnit.id, planId: plan.id, addedOn: new Date(Date.UTC(2026, 2, 1)) } });
    }
    // The first consents: demo customers accepted the current terms and privacy policy.
    // Support chat (issue 11): canned replies, and one inquiry with a reply waiting in the inbox.
    if ((await db.cannedReply.count()) === 0) await db.cannedReply.createMany({ data: CANNED_REPLIES });
    if ((await db.conversation.count({ where: { customerId: owner.id } })) === 0) {
      const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@demo.example" } });
      const ownership = await db.ownership.findFirstOrThrow({ where: { unitId: ownedUnit.id, userId: owner.id } });
      const conversation = await db.conversation.create({
        data: {
          customerId: owner.id,
          startedById: owner.id,
          ownershipId: ownership.id,
          subject: "フィルターの掃除について",
          status: "WAITING_FOR_CUSTOMER",
          lastSeq: 2,
          lastMessageAt: new Date(),
          customerDeliveredSeq: 1,
          customerReadSeq: 1,
          staffDeliveredSeq: 2,
          staffReadSeq: 2,
        },
      });
      await db.chatMessage.createMany({
        data: [
          {
            conversationId: conversation.id,
            seq: 1,
            senderId: owner.id,
            side: "CUSTOMER",
            body: "フィルターはどのくらいの頻度で掃除すればよいですか?",
            idempotencyKey: "demo-1",
          },
          {
            conversationId: conversation.id,
            seq: 2,
            senderId: agent.id,
            side: "STAFF",
            body: "2週間に一度が目安です。手順は取扱説明書の12ページにあります: https://example.com/manuals/filter",
            idempotencyKey: "demo-2",
          },
        ],
      });
    }
    await seedPoints(db, owner.id, ownedUnit.modelId);
    await seedDealerSales(db, firstDealer.id);
    const customers = await db.user.findMany({ where: { role: "CUSTOMER", consents: { none: {} } }, select: { id: true, email: true } });
    // Everyone accepted the current terms and privacy policy; the demo customer also agreed to campaign emails.
    const current = async (purposeId: string) =>
      db.policyVersion.findFirstOrThrow({
        where: { purposeId },
        orderBy: { publishedAt: "desc" },
        select: { version: true, textHash: true },
      });
    for (const customer of customers) {
      const purposes = customer.email === "customer@demo.example" ? ["terms", "privacy", "marketing_email"] : ["terms", "privacy"];
      for (const purpose of purposes) {
        const { version, textHash } = await current(purpose);
        await db.consent.create({
          data: { userId: customer.id, purpose, policyVersion: version, textHash, channel: "demo_seed" },
        });
      }
    }
    await seedEngagement(db);
    await seedApps(db, keyedHasher(options.authSecret));
  } finally {
    await db.$disconnect();
  }
}

/** Issue 16: the second site and an AI agent (lib/demo/apps.ts); secrets kept as keyed hashes like any client's. */
async function seedApps(db: PrismaClient, keyedHash: (value: string) => string): Promise<void> {
  const site = `http://localhost:${DEMO_SITE.port}`;
  const apps = [
    {
      id: DEMO_SITE.id,
      name: "デモサイト / Demo site",
      kind: "WEB" as const,
      secretHash: keyedHash(`oidc:client-secret:${DEMO_SITE.secret}`),
      redirectUris: [`${site}/callback`],
      postLogoutRedirectUris: [`${site}/`],
      backchannelLogoutUri: `${site}/backchannel-logout`,
      scopes: ["openid", "profile", "email", "products:read", "warranty:read"],
      firstParty: true,
    },
    {
      id: DEMO_AGENT.id,
      name: "修理アシスタント / Repair assistant",
      kind: "AGENT" as const,
      secretHash: keyedHash(`oidc:client-secret:${DEMO_AGENT.secret}`),
      scopes: ["products:read", "warranty:read", "repairs:read", "repairs:write"],
    },
  ];
  for (const app of apps) await db.oidcClient.upsert({ where: { id: app.id }, update: {}, create: app });
}

/**
 * Issue 15: what the brand asks (pets, household, diet), a prompt after each registration, two
 * customers whose AC-2600 turned one year old (one has a cat and agreed to campaign emails), the
 * segment "AC-2600 owners registered 11-13 months ago who have a cat", an open survey with points
 * and a draft campaign that sends it: the README walks through sending it.
 */
async function seedEngagement(db: PrismaClient): Promise<void> {
  if ((await db.profileAttribute.count()) > 0) return;
  const pets = await db.profileAttribute.create({
    data: {
      code: "pets",
      type: "MULTI_CHOICE",
      labelJa: "ご家庭にペットはいますか?",
      labelEn: "Do you have pets at home?",
      purposeJa: "ペットの毛に強いフィルターやお手入れの情報をお届けするため",
      purposeEn: "To tell you about filters and care for homes with pets",
      options: [
        { value: "cat", labelJa: "猫", labelEn: "Cat" },
        { value: "dog", labelJa: "犬", labelEn: "Dog" },
        { value: "other", labelJa: "その他", labelEn: "Other" },
        { value: "none", labelJa: "いない", labelEn: "None" },
      ],
      sortOrder: 10,
    },
  });
  const household = await db.profileAttribute.create({
    data: {
      code: "household",
      type: "NUMBER",
      labelJa: "一緒に暮らしている人数(ご本人を含む)",
      labelEn: "How many people live in your home (you included)?",
      purposeJa: "ご家庭に合う容量の製品をおすすめするため",
      purposeEn: "To suggest products of the right size for your home",
      minNumber: 1,
      maxNumber: 20,
      sortOrder: 20,
    },
  });
  await db.profileAttribute.create({
    data: {
      code: "diet",
      type: "CHOICE",
      labelJa: "食生活で気をつけていることは?",
      labelEn: "Anything about your diet we should know?",
      purposeJa: "冷蔵庫のレシピ提案を合わせるため",
      purposeEn: "To match the recipes your refrigerator suggests",
      options: [
        { value: "vegetarian", labelJa: "ベジタリアン", labelEn: "Vegetarian" },
        { value: "none", labelJa: "特になし", labelEn: "Nothing special" },
      ],
      sortOrder: 30,
    },
  });
  await db.profilePrompt.create({
    data: {
      name: "登録の後: ペットと人数",
      moment: "AFTER_REGISTRATION",
      questions: {
        create: [
          { attributeId: pets.id, position: 0 },
          { attributeId: household.id, position: 1 },
        ],
      },
    },
  });
  // Two owners whose AC-2600 was registered a year ago; Kimura has a cat and agreed to campaign emails.
  const yearAgo = new Date();
  yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 12);
  const version = await db.policyVersion.findFirstOrThrow({ where: { purposeId: "marketing_email" }, orderBy: { publishedAt: "desc" } });
  for (const [email, n, pet, agreed] of [
    ["kimura@demo.example", 15, "cat", true],
    ["nakamura@demo.example", 16, "dog", false],
  ] as const) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const unit = await db.serialUnit.findUniqueOrThrow({ where: { serial: demoSerial("AC-2600", n) } });
    if ((await db.ownership.count({ where: { unitId: unit.id } })) === 0) {
      await db.ownership.create({ data: { unitId: unit.id, userId: user.id, registeredAt: yearAgo, purchasedOn: yearAgo } });
    }
    await db.attributeAnswer.create({ data: { userId: user.id, attributeId: pets.id, choices: [pet], source: "profile" } });
    if (agreed) {
      await db.consent.create({
        data: {
          userId: user.id,
          purpose: "marketing_email",
          policyVersion: version.version,
          textHash: version.textHash,
          channel: "demo_seed",
        },
      });
    }
  }
  const segment = await db.segment.create({
    data: {
      name: "AC-2600 の 1 年点検(猫のいるご家庭)",
      description: "AC-2600 を 11〜13 か月前に登録し、ペットに猫を選んだお客さま",
      definition: {
        match: "all",
        rules: [
          {
            kind: "product",
            exclude: false,
            models: ["AC-2600"],
            categories: [],
            registeredFrom: 11,
            registeredTo: 13,
            purchasedFrom: null,
            purchasedTo: null,
            warranty: "any",
          },
          {
            kind: "attribute",
            exclude: false,
            attribute: "pets",
            op: "anyOf",
            values: ["cat"],
            from: null,
            to: null,
            fromDate: "",
            toDate: "",
          },
        ],
      },
    },
  });
  const rule = await db.pointsRule.create({ data: { kind: "SURVEY", code: "survey-demo-ac-year" } });
  await db.pointsRuleVersion.create({
    data: {
      ruleId: rule.id,
      version: 1,
      nameJa: "アンケート: 1 年使ってみて",
      nameEn: "Survey: one year on",
      points: 50,
      capPerCustomer: 50,
    },
  });
  const survey = await db.survey.create({
    data: {
      titleJa: "エアコンを 1 年使ってみて",
      titleEn: "Your air conditioner, one year on",
      introJa: "3 問、1 分ほどです。回答いただくと 50 ポイントを差し上げます。",
      introEn: "Three questions, about a minute. You get 50 points for answering.",
      status: "OPEN",
      openedAt: new Date(),
      pointsRuleId: rule.id,
      questions: {
        create: [
          {
            position: 0,
            type: "NPS",
            labelJa: "このエアコンを友人や家族にすすめたいですか?",
            labelEn: "How likely are you to recommend this air conditioner to a friend?",
          },
          {
            position: 1,
            type: "MULTI_CHOICE",
            labelJa: "ご家庭にペットはいますか?",
            labelEn: "Do you have pets at home?",
            required: false,
            attributeId: pets.id,
            options: pets.options as never,
          },
          {
            position: 2,
            type: "TEXT",
            labelJa: "ご意見をお聞かせください",
            labelEn: "Anything you would like to tell us?",
            required: false,
          },
        ],
      },
    },
  });
  await db.campaign.create({
    data: {
      name: "AC-2600 1 年点検のご案内",
      segmentId: segment.id,
      subjectJa: "エアコンのご購入から 1 年です: お手入れのご案内",
      subjectEn: "One year with your air conditioner: time for a clean",
      bodyJa:
        "いつも AC-2600 をお使いいただきありがとうございます。\n\n猫のいるご家庭では、フィルターに毛がたまりやすくなります。2 週間に一度のお手入れをおすすめします。\n\n1 分ほどのアンケートにお答えいただくと 50 ポイントを差し上げます。",
      bodyEn:
        "Thank you for using your AC-2600.\n\nIn homes with cats, hair builds up in the filter quickly: we suggest cleaning it every two weeks.\n\nAnswer our one-minute survey and get 50 points.",
      linkUrl: "/mypage/products",
      linkLabelJa: "製品とお手入れを見る",
      linkLabelEn: "See my product and its care",
      surveyId: survey.id,
    },
  });
}

/**
 * The first dealer's sales list (issue 13), as if its staff had imported a CSV: the demo owner's
 * unit, one sold to `customer@demo.example` (registering it fills in the date and shop), and one
 * sold without an email.
 */
export const DEMO_DEALER_SALES = [
  { serial: demoSerial(DEMO_OWNED_SERIAL.modelCode, DEMO_OWNED_SERIAL.n), soldOn: "2026-03-01", email: null },
  // Not among the serials the README offers for trying registration (nor those the tests use).
  { serial: demoSerial("AC-2600", 8), soldOn: "2026-11-15", email: "customer@demo.example" },
  { serial: demoSerial("RF-450", 9), soldOn: "2026-11-20", email: null },
];

async function seedDealerSales(db: PrismaClient, dealerId: string): Promise<void> {
  if ((await db.dealerSaleImport.count({ where: { dealerId } })) > 0) return;
  const importer = await db.user.findUniqueOrThrow({ where: { email: "dealer@demo.example" } });
  const record = await db.dealerSaleImport.create({
    data: {
      dealerId,
      importedById: importer.id,
      fileName: "demo-sales.csv",
      rowCount: DEMO_DEALER_SALES.length,
      idempotencyKey: "demo-seed",
    },
  });
  for (const sale of DEMO_DEALER_SALES) {
    const unit = await db.serialUnit.findUniqueOrThrow({ where: { serial: sale.serial } });
    await db.dealerSale.create({
      data: { dealerId, unitId: unit.id, soldOn: new Date(`${sale.soldOn}T00:00:00Z`), customerEmail: sale.email, importId: record.id },
    });
  }
}

/**
 * Points (issue 12): tiers, a rewards catalog, and points for the demo owner so rewards can be tried
 * at once. The points are one balanced award written as the ledger writes it (entry, two postings,
 * a lot); the database's triggers keep the wallet balance and check the entry balances.
 */
async function seedPoints(db: PrismaClient, ownerId: string, modelId: string): Promise<void> {
  const tiers = [
    {
      code: "silver",
      nameJa: "シルバー",
      nameEn: "Silver",
      threshold: 300,
      bonusWarrantyMonths: 0,
      benefitsJa: "会員限定のクーポン",
      benefitsEn: "Member-only coupons",
    },
    {
      code: "gold",
      nameJa: "ゴールド",
      nameEn: "Gold",
      threshold: 1000,
      bonusWarrantyMonths: 3,
      benefitsJa: "保証が3か月延長",
      benefitsEn: "3 more months of warranty",
    },
    {
      code: "platinum",
      nameJa: "プラチナ",
      nameEn: "Platinum",
      threshold: 3000,
      bonusWarrantyMonths: 6,
      benefitsJa: "保証が6か月延長",
      benefitsEn: "6 more months of warranty",
    },
  ];
  for (const tier of tiers) await db.pointsTier.upsert({ where: { code: tier.code }, update: {}, create: tier });
  if ((await db.reward.count()) === 0) {
    const coupon = await db.reward.create({
      data: {
        kind: "COUPON",
        nameJa: "修理工賃10%オフクーポン",
        nameEn: "10% off repair labour",
        descriptionJa: "有償修理の工賃が10%安くなります。修理の依頼時にコードを伝えてください。",
        descriptionEn: "10% off the labour of a paid repair. Give the code when you request the repair.",
        cost: 300,
        perCustomerLimit: 2,
      },
    });
    await db.rewardCoupon.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ rewardId: coupon.id, code: `DEMO-REPAIR-${String(i + 1).padStart(4, "0")}` })),
    });
    await db.reward.create({
      data: {
        kind: "GOODS",
        nameJa: "オリジナル エコバッグ",
        nameEn: "Owners Portal tote bag",
        descriptionJa: "丈夫な帆布のエコバッグ。ご登録の住所にお送りします。",
        descriptionEn: "A sturdy canvas tote bag, sent to the address in your profile.",
        cost: 800,
        stock: 50,
      },
    });
    const plan = await db.extendedWarrantyPlan.findFirst({ where: { modelId } });
    if (plan) {
      await db.reward.create({
        data: {
          kind: "WARRANTY_EXTENSION",
          nameJa: `${plan.nameJa}(ポイント交換)`,
          nameEn: `${plan.nameEn} (for points)`,
          descriptionJa: "お持ちの製品に延長保証をつけます。",
          descriptionEn: "Adds the extended warranty to one of your products.",
          cost: 1500,
          perCustomerLimit: 1,
          planId: plan.id,
        },
      });
    }
  }
  if ((await db.pointsEntry.count({ where: { userId: ownerId } })) > 0) return;
  const now = new Date();
  const expires = new Date(now.getTime() + 365 * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "PointsAccount" (id, kind, "userId", balance)
      VALUES (${`w:PENDING:${ownerId}`}, 'PENDING', ${ownerId}, 0), (${`w:AVAILABLE:${ownerId}`}, 'AVAILABLE', ${ownerId}, 0),
             (${`w:DEBT:${ownerId}`}, 'DEBT', ${ownerId}, 0)
      ON CONFLICT DO NOTHING`;
    const entryId = `demo-award-${ownerId}`;
    await tx.$executeRaw`
      INSERT INTO "PointsEntry" (id, kind, "userId", "idempotencyKey", "requestHash", "effectiveAt", "causeKind", "causeId", memo)
      VALUES (${entryId}, 'AWARD', ${ownerId}, ${`demo:${ownerId}`}, 'demo', ${now}, 'demo', ${ownerId}, 'demo')`;
    await tx.$executeRaw`
      INSERT INTO "PointsPosting" ("entryId", "accountId", amount)
      VALUES (${entryId}, 'program:ISSUED', -1200), (${entryId}, ${`w:AVAILABLE:${ownerId}`}, 1200)`;
    await tx.pointsLot.create({
      data: {
        userId: ownerId,
        awardEntryId: entryId,
        points: 1200,
        remaining: 1200,
        awardedAt: now,
        availableFrom: now,
        releasedAt: now,
        expiresAt: expires,
      },
    });
  });
}
