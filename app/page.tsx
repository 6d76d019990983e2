import { redirect } from "next/navigation";
import { getPagePrincipal } from "@/lib/auth/page";

export default async function HomePage() {
  redirect((await getPagePrincipal()) ? "/chat" : "/login");
}
