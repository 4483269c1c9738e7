import { useEffect, useState } from "react";
import { Form, useRevalidator } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { attempt, fieldsOf, load } from "../web/actions.server.ts";
import { loadEvent } from "../web/event-loader.server.ts";
import type { Route } from "./+types/event-workshop";

export async function loader({ context, params }: Route.LoaderArgs) {
  const detail = await loadEvent(context, params.slug);
  const workshop = detail.workshops.find((w) => w.id === params.id);
  if (!workshop) return load(() => Promise.reject(new AppError("NOT_FOUND")));
  return { event: detail.event, workshop, canFacilitate: detail.canFacilitate, now: Date.now() };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const fields = fieldsOf(await request.formData());
  return attempt(context.caller.locale, async () => {
    await context.services.events.controlWorkshop(context.caller, params.id, { action: fields.action });
    return { done: true };
  });
}

/** Seconds left in the current step's time box, ticking once a second in the browser. */
function useSecondsLeft(startedAt: string | null, minutes: number | null, serverNow: number) {
  const skew = serverNow - Date.now();
  const compute = () =>
    startedAt && minutes
      ? Math.round((new Date(startedAt).getTime() + minutes * 60_000 - (Date.now() + skew)) / 1000)
      : null;
  const [left, setLeft] = useState(compute);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the step or its start changes
  useEffect(() => {
    setLeft(compute());
    const timer = window.setInterval(() => setLeft(compute()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt, minutes]);
  return left;
}

/** The workshop on the hall's big screen: the current step, its instructions and the time left. */
export default function WorkshopView({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { event, workshop, canFacilitate, now } = loaderData;
  const current = workshop.steps.find((s) => s.position === workshop.currentStep) ?? null;
  const left = useSecondsLeft(workshop.stepStartedAt, current?.minutes ?? null, now);
  const revalidator = useRevalidator();
  // Screens that only watch pick up the facilitator's changes every few seconds.
  useEffect(() => {
    const timer = window.setInterval(() => revalidator.revalidate(), 5000);
    return () => window.clearInterval(timer);
  }, [revalidator]);
  const clock =
    left === null
      ? null
      : `${left < 0 ? "−" : ""}${Math.floor(Math.abs(left) / 60)}:${String(Math.abs(left) % 60).padStart(2, "0")}`;
  return (
    <div className="facilitator stack">
      <title>{`${workshop.title} – ${event.title}`}</title>
      <p>
        <a href={`/e/${event.slug}`}>← {event.title}</a>
      </p>
      <PageTitle>{workshop.title}</PageTitle>
      {current ? (
        <section aria-labelledby="current-step" className="facilitator-current">
          <Heading level={2} id="current-step">
            {t("events.stepOf", { step: current.position, total: workshop.steps.length })}
          </Heading>
          <p className="facilitator-instructions">{current.instructions}</p>
          <p className={`facilitator-clock${left !== null && left < 0 ? " facilitator-over" : ""}`}>
            <span className="visually-hidden">{t("events.timeLeft")}: </span>
            {left !== null && left < 0 ? t("events.overtime", { time: clock ?? "" }) : clock}
          </p>
        </section>
      ) : (
        <p className="lead">{t("events.notStarted")}</p>
      )}
      <ol className="workshop-steps">
        {workshop.steps.map((s) => (
          <li key={s.position} aria-current={s.position === workshop.currentStep ? "step" : undefined}>
            {s.instructions} <span className="muted">({t("events.minutes", { count: s.minutes })})</span>
          </li>
        ))}
      </ol>
      {workshop.groups.length > 0 && (
        <ul className="plain-list">
          {workshop.groups.map((g) => (
            <li key={g.id}>{g.wallSlug ? <a href={`/w/${g.wallSlug}`}>{g.name}</a> : g.name}</li>
          ))}
        </ul>
      )}
      {canFacilitate && (
        <fieldset className="form-actions facilitator-controls">
          <legend className="visually-hidden">{t("events.controls")}</legend>
          {(["start", "previous", "next", "stop"] as const).map((action) => (
            <Form method="post" key={action}>
              <input type="hidden" name="action" value={action} />
              <Button variant={action === "next" ? "primary" : "secondary"}>{t(`events.control.${action}`)}</Button>
            </Form>
          ))}
        </fieldset>
      )}
    </div>
  );
}
