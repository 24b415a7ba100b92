import { notFound } from "~/lib/guards.server";

// Any unknown URL, for GET and POST alike: a translated 404 page from the root error boundary.
export function loader(): never {
  notFound();
}
export function action(): never {
  notFound();
}
export default function NotFound() {
  return null;
}
