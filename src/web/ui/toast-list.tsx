import * as RadixToast from "@radix-ui/react-toast";
import { AlertCircle, CheckCircle2, X } from "lucide-react";
import type { ToastItem } from "./toast.tsx";

export default function ToastList({
  toasts,
  onClose,
}: {
  toasts: ToastItem[];
  onClose: (id: number) => void;
}) {
  return (
    <RadixToast.Provider swipeDirection="right" duration={6000} label="Notification">
      {toasts.map((toast) => {
        const Icon = toast.tone === "error" ? AlertCircle : CheckCircle2;
        return (
          <RadixToast.Root
            key={toast.id}
            open={toast.open}
            onOpenChange={(open) => {
              if (!open) onClose(toast.id);
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
  );
}
