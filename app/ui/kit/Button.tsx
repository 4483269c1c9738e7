import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from "react";
import { Link, type LinkProps } from "react-router";

/**
 * The one button vocabulary. Every page uses these classes (styles.css and kit.css):
 * primary (the one main action of a form), secondary (other actions), danger
 * (deleting, closing: cannot be undone), link (a button that looks like a link,
 * e.g. sign out in the header).
 */
export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

export const buttonClass: Record<ButtonVariant, string> = {
  primary: "button-primary",
  secondary: "button-secondary",
  danger: "button-danger",
  link: "button-as-link",
};

function classes(...names: (string | undefined | false)[]): string {
  return names.filter(Boolean).join(" ");
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
}

/** A native button (works without JavaScript in a plain form); `type` is "submit" unless told otherwise. */
export function Button({ variant = "primary", type = "submit", className, ...rest }: ButtonProps) {
  return <button type={type} className={classes(buttonClass[variant], className)} {...rest} />;
}

interface ButtonLinkProps extends Omit<LinkProps, "className"> {
  variant?: Exclude<ButtonVariant, "link">;
  className?: string;
}

/** A link that looks like a button: for going somewhere (a page, a download), never for doing something. */
export function ButtonLink({ variant = "secondary", className, ...rest }: ButtonLinkProps) {
  return <Link className={classes("button-link", buttonClass[variant], className)} {...rest} />;
}

interface ButtonAnchorProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: Exclude<ButtonVariant, "link">;
}

/** ButtonLink for addresses outside the app's routes (downloads, exports): a plain <a>. */
export function ButtonAnchor({ variant = "secondary", className, ...rest }: ButtonAnchorProps) {
  return <a className={classes("button-link", buttonClass[variant], className)} {...rest} />;
}
