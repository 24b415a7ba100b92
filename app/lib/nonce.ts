import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (set per request in app/server/security.ts),
 * for the inline scripts Remix renders. Empty in the browser, which hides nonces from scripts.
 */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
