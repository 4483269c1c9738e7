import { type ReactNode, useId } from "react";

interface FormSectionProps {
  title: ReactNode;
  description?: ReactNode;
  /**
   * "fieldset" (default) groups the inputs under a legend, read out with each of them:
   * for inputs that only make sense together (an address, a time span).
   * "section" is a titled part of a long form with its own heading in the page's outline.
   */
  as?: "fieldset" | "section";
  /** The heading's level when `as` is "section". */
  headingLevel?: 2 | 3;
  id?: string;
  children: ReactNode;
}

/** A titled part of a form, with an optional description the group is described by. */
export function FormSection({ title, description, as = "fieldset", headingLevel = 2, id, children }: FormSectionProps) {
  const ownId = useId();
  const titleId = `${ownId}-title`;
  const descriptionId = description ? `${ownId}-description` : undefined;
  const describe = description && (
    <p id={descriptionId} className="form-section-description">
      {description}
    </p>
  );
  if (as === "section") {
    const Heading = `h${headingLevel}` as const;
    return (
      <section id={id} className="form-section" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <Heading id={titleId}>{title}</Heading>
        {describe}
        <div className="form-section-body">{children}</div>
      </section>
    );
  }
  return (
    <fieldset id={id} className="form-section" aria-describedby={descriptionId}>
      <legend id={titleId}>{title}</legend>
      {describe}
      <div className="form-section-body">{children}</div>
    </fieldset>
  );
}
