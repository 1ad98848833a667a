import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const accountExportQuery = queryOptions({
  queryKey: ["account-data", "export"],
  queryFn: () => call(api.account.export.$get()),
  // While an export is built, the page follows its progress.
  refetchInterval: (query) => {
    const state = query.state.data?.export?.state;
    return state === "queued" || state === "running" ? 1500 : false;
  },
});

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.account.export.$post()),
    onSuccess: (status) => queryClient.setQueryData(accountExportQuery.queryKey, status),
  });
}

function saveFile(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export async function downloadExport(requestedAt: string) {
  const data = await call(api.account.export.download.$get());
  saveFile(
    `sidecar-data-${requestedAt.slice(0, 10)}.json`,
    JSON.stringify(data, null, 2),
    "application/json;charset=utf-8",
  );
}

export async function downloadStory() {
  const story = await call(api.account.export.story.$get());
  saveFile(story.filename, story.markdown, "text/markdown;charset=utf-8");
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: { password: string; code?: string; confirm: true }) =>
      call(api.account.delete.$post({ json: input })),
  });
}
