import { readFileSync } from "node:fs";
import path from "node:path";
import { Select } from "../../app/ui/forms.tsx";
import { DateField } from "../../app/ui/groups/DateField.tsx";
import { Button, ButtonLink } from "../../app/ui/kit/Button.tsx";
import { Chart } from "../../app/ui/kit/Chart.tsx";
import { renderChart } from "../../app/ui/kit/chart.server.ts";
import { indicatorChart, postsChart } from "../../app/ui/kit/chart-fixtures.testing.ts";
import { DataTable, type DataTableColumn } from "../../app/ui/kit/DataTable.tsx";
import { ErrorSummary } from "../../app/ui/kit/ErrorSummary.tsx";
import { FieldGroup } from "../../app/ui/kit/FieldGroup.tsx";
import { FieldIdScope } from "../../app/ui/kit/FieldIdScope.tsx";
import { FormSection } from "../../app/ui/kit/FormSection.tsx";
import { PageTitle } from "../../app/ui/kit/PageTitle.tsx";
import { renderWithRoot } from "../../app/ui/kit/render.testing.tsx";
import { pageHref } from "../../app/ui/kit/table-query.ts";
import { TextArea } from "../../app/ui/TextArea.tsx";
import { TextField } from "../../app/ui/TextField.tsx";
import type { ErrorBody } from "../../src/http/respond-error.ts";

interface Row {
  id: string;
  name: string;
  organisation: string;
  posts: number;
}

const rows: Row[] = [
  {
    id: "1",
    name: "Aino Admin",
    organisation: "Esimerkkilän kunta, strategiapalvelut ja kehittämisyksikkö",
    posts: 12,
  },
  { id: "2", name: "Matti Jäsen", organisation: "Kymenlaakson liitto", posts: 1200 },
  { id: "3", name: "Laura Mäkelä-Pitkäsukunimi-Virtanen", organisation: "Joensuun kaupunki", posts: 3 },
];

const columns: DataTableColumn<Row>[] = [
  { key: "name", header: "Nimi", cell: (r) => r.name, sortable: true },
  { key: "organisation", header: "Kotiorganisaatio", cell: (r) => r.organisation, sortable: true },
  { key: "posts", header: "Viestejä", cell: (r) => r.posts, sortable: true, align: "end", firstDirection: "desc" },
];

/** The agenda form's error: its title is missing. */
export const agendaError: ErrorBody = {
  code: "VALIDATION_FAILED",
  message: "Tarkista tiedot.",
  issues: [
    { path: "title", message: "Kirjoita ohjelmanumeron nimi." },
    { path: "time", message: "Kirjoita kellonaika." },
  ],
};

function KitPage() {
  const search = "?q=kunta&sort=name&dir=asc";
  return (
    <main id="main">
      <PageTitle
        lead="Kaikki käyttöliittymäpakkauksen osat yhdellä sivulla."
        actions={<ButtonLink to="/events/new">Uusi tilaisuus</ButtonLink>}
      >
        Käyttöliittymäpakkaus
      </PageTitle>
      <h2>Henkilöt</h2>
      <DataTable
        caption="Henkilöt"
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowHeader
        sort={{ key: "name", direction: "asc" }}
        search={search}
        previousPageHref={pageHref(search, "before-1")}
        nextPageHref={pageHref(search, "after-3")}
        emptyText="Ei henkilöitä."
      />
      <h2>Tilaisuus</h2>
      <form method="post" className="stack">
        <TextField name="title" label="Tilaisuuden nimi" required />
      </form>
      <h2>Ohjelma</h2>
      <FieldIdScope prefix="agenda">
        <form method="post" className="stack">
          <ErrorSummary error={agendaError} labels={{ title: "Ohjelmanumero", time: "Kello" }} />
          <FormSection title="Ohjelmanumero" description="Lisää ohjelmaan yksi numero kerrallaan.">
            <TextField name="time" label="Kello" error={agendaError} required />
            <TextField name="title" label="Ohjelmanumero" error={agendaError} required />
            <TextArea name="description" label="Kuvaus" hint="Näkyy ohjelmassa nimen alla." optional />
            <Select
              name="kind"
              label="Tyyppi"
              options={[
                { value: "talk", label: "Puheenvuoro" },
                { value: "break", label: "Tauko" },
              ]}
            />
            <DateField name="date" label="Päivä" optional />
            <FieldGroup name="room" legend="Sali">
              <label className="choice-option">
                <input type="radio" name="room" value="a" defaultChecked /> Sali A
              </label>
              <label className="choice-option">
                <input type="radio" name="room" value="b" /> Sali B
              </label>
            </FieldGroup>
          </FormSection>
          <div className="form-actions">
            <Button>Lisää ohjelmaan</Button>
            <Button variant="secondary" type="button">
              Esikatsele
            </Button>
            <Button variant="danger" type="button">
              Poista
            </Button>
            <Button variant="link" type="button">
              Peru
            </Button>
          </div>
        </form>
      </FieldIdScope>
      <h2>Mittarit</h2>
      <Chart {...renderChart(indicatorChart)} />
      <Chart {...renderChart(postsChart)} />
    </main>
  );
}

const uiDir = path.resolve(import.meta.dirname, "../../app/ui");

/** The site's CSS as one string: styles.css with the kit's file in place of its @import. */
function css(): string {
  const kit = readFileSync(path.join(uiDir, "kit/kit.css"), "utf8");
  const styles = readFileSync(path.join(uiDir, "styles.css"), "utf8");
  if (!styles.includes('@import "./kit/kit.css";')) throw new Error("styles.css no longer imports kit.css");
  return styles.replace('@import "./kit/kit.css";', kit);
}

/** A whole document of the kit's components as the server renders them, with the site's CSS inlined. */
export async function kitDocument(): Promise<string> {
  const body = await renderWithRoot(<KitPage />, { url: "http://localhost/kit?q=kunta&sort=name&dir=asc" });
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Käyttöliittymäpakkaus</title><style>${css()}</style></head><body>${body}</body></html>`;
}
