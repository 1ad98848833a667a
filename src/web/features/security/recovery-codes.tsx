import { Copy, Download } from "lucide-react";
import { Button } from "../../ui/button.tsx";
import { useToast } from "../../ui/toast.tsx";

export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const toast = useToast();
  const text = [
    "Sidecar recovery codes",
    `Account: ${email}`,
    `Created: ${new Date().toISOString().slice(0, 10)}`,
    "",
    "Each code signs you in once if you lose your authenticator app.",
    "",
    ...codes,
    "",
  ].join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      toast({ title: "Recovery codes copied" });
    } catch {
      toast({
        title: "Couldn't copy",
        description: "Select the codes and copy them yourself.",
        tone: "error",
      });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "sidecar-recovery-codes.txt";
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="stack">
      <ul className="codes" data-testid="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="row">
        <Button variant="secondary" size="small" icon={<Copy size={16} aria-hidden="true" />} onClick={copy}>
          Copy codes
        </Button>
        <Button
          variant="secondary"
          size="small"
          icon={<Download size={16} aria-hidden="true" />}
          onClick={download}
        >
          Download as .txt
        </Button>
      </div>
    </div>
  );
}
