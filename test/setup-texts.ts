// Both languages' texts, as the server has them (app/i18n/texts.server.ts): tests call translate,
// isMessageKey and the label helpers without going through the server's entry.
import "../app/i18n/texts.server";
