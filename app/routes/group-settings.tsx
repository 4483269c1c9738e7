import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { presentGroupDetail } from "../../src/modules/groups/presenters.ts";
import { presentPersonChoice } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { roleOptions } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/group-settings";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    const detail = presentGroupDetail(await services.groups.getBySlug(caller, params.slug));
    if (!detail.canManage) throw new AppError("FORBIDDEN");
    return { ...detail, people: (await services.people.listPeople(caller)).map(presentPersonChoice) };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { intent, ...fields } = await formFields(request);
  const { caller, services } = context;
  return attempt(caller.locale, async () => {
    const { group } = await services.groups.getBySlug(caller, params.slug);
    switch (intent) {
      case "details":
        await services.groups.update(caller, group.id, { ...fields, isPublic: fields.isPublic ?? "false" });
        return { saved: "details" as const };
      case "remove":
        await services.groups.removeMember(caller, group.id, fields.userId ?? "");
        return { saved: "members" as const };
      default:
        await services.groups.setMember(caller, group.id, fields);
        return { saved: "members" as const };
    }
  });
}

export default function GroupSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { group, members, people } = loaderData;
  const error = errorOf(actionData);
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const outside = people.filter((p) => !members.some((m) => m.userId === p.id));
  return (
    <div className="stack">
      <title>{`${t("groups.settingsOf", { name: group.name })} – ${t("app.name")}`}</title>
      <p>
        <a href={`/groups/${group.slug}`}>← {group.name}</a>
      </p>
      <PageTitle>{t("groups.settingsOf", { name: group.name })}</PageTitle>
      {saved && <Notice>{saved === "details" ? t("groups.saved") : t("groups.memberAdded")}</Notice>}
      <ErrorSummary error={error} />

      <section aria-labelledby="details-title" className="narrow stack">
        <Heading level={2} id="details-title">
          {t("groups.details")}
        </Heading>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="details" />
          <TextField name="name" label={t("groups.name")} defaultValue={group.name} error={error} required />
          <TextField name="theme" label={t("groups.theme")} defaultValue={group.theme} error={error} optional />
          <TextArea
            name="description"
            label={t("groups.description")}
            defaultValue={group.description}
            error={error}
            optional
          />
          <label className="choice-option">
            <input type="hidden" name="isPublic" value="false" />
            <input type="checkbox" name="isPublic" value="true" defaultChecked={group.isPublic} />{" "}
            {t("groups.isPublic")}
          </label>
          <div className="form-actions">
            <Button>{t("groups.save")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="members-title" className="stack">
        <Heading level={2} id="members-title">
          {t("groups.members")}
        </Heading>
        <p className="field-hint">{t("groups.leadHint")}</p>
        {members.length === 0 ? (
          <p>{t("groups.noMembers")}</p>
        ) : (
          <ul className="member-list">
            {members.map((m) => (
              <li key={m.userId}>
                <span className="member-name">
                  {m.name}
                  {m.organisation && <span className="muted"> · {m.organisation}</span>}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={m.userId} />
                  {/* One role field per member: each gets its own id (field-member-<id>-role). */}
                  <FieldIdScope prefix={`member-${m.userId}`}>
                    <Field
                      name="role"
                      label={<span className="visually-hidden">{t("groups.roleOf", { name: m.name })}</span>}
                    >
                      <select defaultValue={m.role} className="native-select">
                        {roleOptions(t).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </FieldIdScope>
                  <Button variant="secondary" name="intent" value="role">
                    {t("groups.changeRole")}
                    <span className="visually-hidden">: {m.name}</span>
                  </Button>
                  <Button variant="secondary" name="intent" value="remove">
                    {t("groups.removeMember")}
                    <span className="visually-hidden">: {m.name}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {outside.length > 0 && (
          <Form method="post" className="narrow stack">
            <Heading level={3}>{t("groups.addMember")}</Heading>
            <input type="hidden" name="intent" value="add" />
            <Select
              name="userId"
              label={t("groups.person")}
              options={outside.map((p) => ({
                value: p.id,
                label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
              }))}
              error={fieldError(error, "userId")}
            />
            <Select name="role" label={t("groups.role")} options={roleOptions(t)} defaultValue="member" />
            <div className="form-actions">
              <Button>{t("groups.add")}</Button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
