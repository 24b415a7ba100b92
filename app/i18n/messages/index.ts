import { assess } from "./assess";
import { auth } from "./auth";
import { common } from "./common";
import { committee } from "./committee";
import { roleHomes } from "./role-homes";
import { winners } from "./winners";

// Each area keeps its own file; they are merged here into one dictionary.
export const messages = { ...common, ...auth, ...roleHomes, ...winners, ...committee, ...assess };
export type MessageKey = keyof typeof messages;
