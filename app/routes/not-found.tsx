import { data } from "react-router";

// Any unknown address renders the root error boundary's translated 404 page.
export function loader() {
  throw data("NOT_FOUND", { status: 404 });
}

export default function NotFound() {
  return null;
}
