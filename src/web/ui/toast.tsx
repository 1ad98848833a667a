import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";

type ToastInput = { title: string; description?: string; tone?: "success" | "error" };
export type ToastItem = ToastInput & { id: number; open: boolean; settled: boolean };

// The toast parts load with the first toast, so no page waits for them before it is drawn.
const ToastList = lazy(() => import("./toast-list.tsx"));

// A toast made by the action that moved the person to a page (saved, then opened) belongs to that page.
// Once the person does anything there (a click, a key), the toast has been seen on it, and it closes
// when they move on: toasts never follow anyone onto the next screen.
let closeFromEarlierPages: () => void = () => {};

/** Called by the router after each navigation: toasts from the page left behind do not follow. */
export function closeToastsFromEarlierPages() {
  closeFromEarlierPages();
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  const show = useCallback((toast: ToastInput) => {
    const id = nextId++;
    setToasts((current) => [...current.slice(-2), { ...toast, id, open: true, settled: false }]);
  }, []);

  closeFromEarlierPages = () => {
    setToasts((current) =>
      current.some((toast) => toast.open && toast.settled)
        ? current.map((toast) => (toast.settled ? { ...toast, open: false } : toast))
        : current,
    );
  };

  const waiting = toasts.some((toast) => toast.open && !toast.settled);
  useEffect(() => {
    if (!waiting) return;
    const settle = () =>
      setToasts((current) => current.map((toast) => (toast.settled ? toast : { ...toast, settled: true })));
    document.addEventListener("pointerdown", settle, { capture: true });
    document.addEventListener("keydown", settle, { capture: true });
    return () => {
      document.removeEventListener("pointerdown", settle, { capture: true });
      document.removeEventListener("keydown", settle, { capture: true });
    };
  }, [waiting]);

  const close = useCallback((id: number) => {
    setToasts((current) => current.map((toast) => (toast.id === id ? { ...toast, open: false } : toast)));
    window.setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 300);
  }, []);

  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {toasts.length > 0 ? (
        <Suspense fallback={null}>
          <ToastList toasts={toasts} onClose={close} />
        </Suspense>
      ) : null}
    </ToastContext.Provider>
  );
}

export function useToast() {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside ToastProvider");
  return toast;
}
