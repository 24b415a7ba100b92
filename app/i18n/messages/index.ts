import { admin } from "./admin";
import { agreement } from "./agreement";
import { assess } from "./assess";
import { audit } from "./audit";
import { auth } from "./auth";
import { common } from "./common";
import { committee } from "./committee";
import { committeeAdmin } from "./committee-admin";
import { committeeRubric } from "./committee-rubric";
import { mail } from "./mail";
import { mailEntrant } from "./mail-entrant";
import { mailPanel } from "./mail-panel";
import { mailReminders } from "./mail-reminders";
import { messagesUi } from "./messages-ui";
import { minutes } from "./minutes";
import { nominations } from "./nominations";
import { personalData } from "./personal-data";
import { plenary } from "./plenary";
import { plenaryCommittee } from "./plenary-committee";
import { portal } from "./portal";
import { roleHomes } from "./role-homes";
import { stepper } from "./stepper";
import { winners } from "./winners";

// Each area keeps its own file; they are merged here into one dictionary.
export const messages = {
  ...common,
  ...auth,
  ...roleHomes,
  ...winners,
  ...committee,
  ...committeeAdmin,
  ...committeeRubric,
  ...assess,
  ...portal,
  ...audit,
  ...personalData,
  ...admin,
  ...nominations,
  ...mail,
  ...mailEntrant,
  ...mailPanel,
  ...mailReminders,
  ...messagesUi,
  ...minutes,
  ...plenary,
  ...plenaryCommittee,
  ...stepper,
  ...agreement,
};
export type MessageKey = keyof typeof messages;
