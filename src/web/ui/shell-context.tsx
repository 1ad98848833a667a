import { createContext, type ReactNode, useContext } from "react";
import { Wordmark } from "./wordmark.tsx";

/** True under the signed-in app shell, which already renders the page's <main>. */
export const InShellContext = createContext(false);

export function useInShell() {
  return useContext(InShellContext);
}

/** A page that stands on its own: inside the shell it is plain content, outside it brings its own <main>. */
export function StandalonePage({ children }: { children: ReactNode }) {
  const inShell = useInShell();
  if (inShell) return <div className="standalone">{children}</div>;
  return (
    <div className="auth-page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-brand">
        <Wordmark />
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <div className="auth-card">{children}</div>
      </main>
    </div>
  );
}
