import { describe, expect, it } from "vitest";
import { formatPlainDate } from "../../src/core/dates.ts";
import { contractFor, secondmentFor } from "../../src/modules/commitments/test-fixture.ts";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  openPage,
  signedInStaff,
  useBrowserApp,
} from "./support.ts";

describe("commitments pages in the browser", () => {
  const web = useBrowserApp(signedInStaff);

  it("lists the register, opens a contract with its notice deadline, and shows the secondments' return schedule on a phone", async () => {
    const caller = adminCaller(web.staff.person);
    const services = web.app.platform.services;
    const folder = await services.contracts.createFolder(caller, { name: "Vuokrat" });
    // 31.3.2019 + 3 months' notice before 30.6.2019: the deadline is a Sunday, so notice is to be given on Friday 29.3.
    const contract = await services.contracts.createContract(
      caller,
      contractFor(folder.folder.id, { name: "Toimitilojen vuokrasopimus", endDate: "2019-06-30", type: "lease" }),
    );
    await services.contracts.setContractReminders(caller, contract.contract.id, { noticeDays: 14 });
    await services.secondments.create(
      caller,
      secondmentFor(1, {
        personName: "Aino Paluu",
        plannedReturnDate: "2019-04-01",
        substitutes: [
          { name: "Pekka Sijainen", post: "osastonhoitaja" },
          { name: "Sanna Toinen", post: "apulaisosastonhoitaja" },
        ],
      }),
    );

    const { page, context, errors } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/commitments");
    await page.getByRole("heading", { level: 1, name: "Sopimusrekisteri" }).waitFor();
    await expectNoAxeViolations(page, "contract register");
    // By keyboard: the focused link to the contract opens with Enter.
    const link = page.getByRole("link", { name: "Toimitilojen vuokrasopimus" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Toimitilojen vuokrasopimus" }).waitFor();
    await page
      .getByText(formatPlainDate("fi", "2019-03-31", "short"), { exact: true })
      .first()
      .waitFor();
    await page
      .getByText(formatPlainDate("fi", "2019-03-29", "short"), { exact: true })
      .first()
      .waitFor();
    await page.getByRole("row", { name: /Irtisanomisen määräpäivä/ }).waitFor();
    await expectNoAxeViolations(page, "contract page");
    expect(errors).toEqual([]);
    await context.close();

    const phone = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      viewport: { width: 360, height: 740 },
    });
    await phone.page.goto("/commitments/secondments");
    await phone.page.getByRole("heading", { level: 1, name: "Henkilösiirrot" }).waitFor();
    await phone.page.getByRole("heading", { level: 3, name: /^04\/2019: 1 henkilöä/ }).waitFor();
    await phone.page.getByText("Pekka Sijainen, osastonhoitaja → Sanna Toinen, apulaisosastonhoitaja").waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone.page, "secondments on a phone");
    await phone.page.goto("/commitments");
    const registerOverflow = await horizontalOverflow(phone.page);
    expect(registerOverflow.scrollWidth, registerOverflow.widest.join("\n")).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it("refuses the secondments page to a visitor who is not signed in", async () => {
    const { page, context } = await openPage(web.browser, web.app);
    const response = await page.goto("/commitments/secondments");
    expect(response?.status()).not.toBe(200);
    await context.close();
  });
});
