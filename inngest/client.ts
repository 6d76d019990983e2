// The Inngest client. Functions and the local executor arrive with the media issue; the id is
// fixed now because Inngest keys runs and history by it.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "baatcheet" });
