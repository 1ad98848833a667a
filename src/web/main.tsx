import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { setNonce } from "get-nonce";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isSignedOutPage } from "../shared/signed-out-pages.ts";
import { isUnauthenticated } from "./api.ts";
import { homeQueryKey } from "./features/home/home-api.ts";
import { createAppRouter } from "./router.tsx";
import { meQuery, sessionCookieSent } from "./session.ts";
import { setTwoFactorRedirect } from "./two-factor-redirect.ts";
import { closeToastsFromEarlierPages, ToastProvider } from "./ui/toast.tsx";
import "./styles.css";
import "./ui/parts.css";
import "./ui/shell.css";

// A 401 on a signed-in page means the session ended (expired, revoked, or the account was disabled).
function onUnauthenticated(error: unknown) {
  if (!isUnauthenticated(error)) return;
  const { pathname, href } = router.state.location;
  if (isSignedOutPage(pathname)) return;
  queryClient.removeQueries({ queryKey: meQuery.queryKey });
  void router.navigate({ to: "/sign-in", search: { next: href === "/" ? undefined : href } });
}

// The server allows only the <style> elements that carry this page's nonce: dialogs (Radix) add one to
// stop the page behind from scrolling, and take the nonce from here.
const styleNonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute("content");
if (styleNonce) setNonce(styleNonce);

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({
    onError: onUnauthenticated,
    // Any change to the plan can move the home dashboard and the first-run guide.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
    },
  }),
  defaultOptions: {
    queries: {
      // A network failure or a briefly unavailable server is tried again; other answers are final.
      retry: (count, error) => {
        const status = (error as { status?: number }).status;
        return status === 503 ? count < 5 : !status && count < 2;
      },
      refetchOnWindowFocus: true,
    },
  },
});

// Takes up the answer the page's preload already asked for, before the router starts.
if (sessionCookieSent()) void queryClient.prefetchQuery(meQuery);
const router = createAppRouter(queryClient);
router.subscribe("onResolved", ({ pathChanged }) => {
  if (pathChanged) closeToastsFromEarlierPages();
});

setTwoFactorRedirect(() => {
  const next = new URLSearchParams(window.location.search).get("next") ?? undefined;
  void router.navigate({ to: "/two-factor", search: { next } });
});

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
