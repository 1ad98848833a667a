import * as RadixToast from "@radix-ui/react-toast";
import { AlertCircle, CheckCircle2, X } from "lucide-react";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

type ToastInput = { title: string; description?: string; tone?: "success" | "error" };
type ToastItem = ToastInput & { id: number; open: boolean; settled: boolean };

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
      <RadixToast.Provider swipeDirection="right" duration={6000} label="Notification">
        {children}
        {toasts.map((toast) => {
          const Icon = toast.tone === "error" ? AlertCircle : CheckCircle2;
          return (
            <RadixToast.Root
              key={toast.id}
              open={toast.open}
              onOpenChange={(open) => {
                if (!open) close(toast.id);
              }}
              className={`toast${toast.tone === "error" ? " toast-error" : ""}`}
              type={toast.tone === "error" ? "foreground" : "background"}
            >
              <Icon className="toast-icon" size={18} aria-hidden="true" />
              <div className="toast-body">
                <RadixToast.Title className="toast-title">{toast.title}</RadixToast.Title>
                {toast.description ? (
                  <RadixToast.Description className="toast-description">
                    {toast.description}
                  </RadixToast.Description>
                ) : null}
              </div>
              <RadixToast.Close className="toast-close" aria-label="Dismiss notification">
                <X size={16} aria-hidden="true" />
              </RadixToast.Close>
            </RadixToast.Root>
          );
        })}
        <RadixToast.Viewport className="toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside ToastProvider");
  return toast;
}
