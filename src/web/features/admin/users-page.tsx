import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Search, Users } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { api, call } from "../../api.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { type AdminUser, usersQuery } from "./admin-api.ts";
import { Pagination } from "./pagination.tsx";

const route = getRouteApi("/app/admin/users");

export function UsersPage() {
  useTitle("Users");
  const { q = "", page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: "/admin/users" });
  const [search, setSearch] = useState(q);
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const query = useQuery(usersQuery(q, page));
  const searchId = useId();

  // Search as the person types, without a request for every keystroke.
  useEffect(() => {
    const trimmed = search.trim();
    if (trimmed === q) return;
    const timer = window.setTimeout(() => {
      void navigate({ search: { q: trimmed || undefined, page: undefined }, replace: true });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search, q, navigate]);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account on this Sidecar. Disable an account to end its sessions at once."
      />
      <search className="toolbar">
        <div className="field">
          <label htmlFor={searchId} className="field-label">
            Search users
          </label>
          <input
            id={searchId}
            className="input"
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </search>
      <QueryState
        query={query}
        loading="Loading users…"
        failed="Users"
        isEmpty={(data) => data.users.length === 0}
        empty={
          <div className="card">
            {q ? (
              <EmptyState icon={<Search size={22} />} title="No users match">
                Nobody's name or email contains “{q}”. Check the spelling or search for part of the email
                address.
              </EmptyState>
            ) : (
              <EmptyState icon={<Users size={22} />} title="No users yet">
                People appear here as soon as they create an account.
              </EmptyState>
            )}
          </div>
        }
      >
        {(data) => (
          <>
            <UsersTable users={data.users} onDisable={setConfirming} busy={query.isFetching} />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              noun={data.total === 1 ? "user" : "users"}
              onPage={(next) =>
                void navigate({ search: { q: q || undefined, page: next > 1 ? next : undefined } })
              }
            />
          </>
        )}
      </QueryState>
      <DisableDialog user={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}

function useSetDisabled() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ user, disabled }: { user: AdminUser; disabled: boolean }) =>
      call(
        disabled
          ? api.admin.users[":id"].disable.$post({ param: { id: encodeURIComponent(user.id) } })
          : api.admin.users[":id"].enable.$post({ param: { id: encodeURIComponent(user.id) } }),
      ),
    onSuccess: ({ user }, { disabled }) => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      toast({
        title: disabled ? `${user.name || user.email} is disabled` : `${user.name || user.email} is enabled`,
        description: disabled ? "Their sessions have ended." : "They can sign in again.",
      });
    },
  });
}

function useConfirmEmail() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (user: AdminUser) =>
      call(api.admin.users[":id"]["confirm-email"].$post({ param: { id: encodeURIComponent(user.id) } })),
    onSuccess: ({ user }) => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      toast({ title: `${user.name || user.email} is confirmed`, description: "They can sign in now." });
    },
    onError: (error) => toast({ title: "Couldn't confirm", description: error.message, tone: "error" }),
  });
}

function UsersTable({
  users,
  onDisable,
  busy,
}: {
  users: AdminUser[];
  onDisable: (user: AdminUser) => void;
  busy: boolean;
}) {
  const { user: me } = useMe();
  const format = useMomentFormat();
  const enable = useSetDisabled();
  const confirm = useConfirmEmail();
  const toast = useToast();
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table table-responsive">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Status</th>
            <th scope="col">Joined</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td data-label="Person">
                <span className="cell-primary">{user.name || "—"}</span>
                <span className="cell-secondary">{user.email}</span>
              </td>
              <td data-label="Status">
                <span className="cell-badges">
                  {user.disabled ? (
                    <span className="badge badge-danger">Disabled</span>
                  ) : (
                    <span className="badge badge-success">Active</span>
                  )}
                  {user.role === "admin" ? <span className="badge badge-accent">Admin</span> : null}
                  {user.emailVerified ? null : (
                    <span className="badge badge-warning">Email not confirmed</span>
                  )}
                  {user.twoFactorEnabled ? <span className="badge">Two-factor on</span> : null}
                </span>
              </td>
              <td data-label="Joined">{format.day(user.createdAt)}</td>
              <td className="cell-actions">
                {user.emailVerified ? null : (
                  <Button
                    variant="secondary"
                    size="small"
                    pending={confirm.isPending && confirm.variables?.id === user.id}
                    onClick={() => confirm.mutate(user)}
                  >
                    Confirm email<span className="visually-hidden"> of {user.name || user.email}</span>
                  </Button>
                )}
                {user.id === me.id ? (
                  <span className="small muted">This is you</span>
                ) : user.disabled ? (
                  <Button
                    variant="secondary"
                    size="small"
                    pending={enable.isPending && enable.variables?.user.id === user.id}
                    onClick={() =>
                      enable.mutate(
                        { user, disabled: false },
                        {
                          onError: (error) =>
                            toast({ title: "Couldn't enable", description: error.message, tone: "error" }),
                        },
                      )
                    }
                  >
                    Enable<span className="visually-hidden"> {user.name || user.email}</span>
                  </Button>
                ) : (
                  <Button variant="secondary" size="small" onClick={() => onDisable(user)}>
                    Disable<span className="visually-hidden"> {user.name || user.email}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DisableDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const disable = useSetDisabled();
  const [shown, setShown] = useState<AdminUser | null>(user);
  useEffect(() => {
    if (user) {
      setShown(user);
      disable.reset();
    }
  }, [user, disable.reset]);
  const target = user ?? shown;
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Disable ${target?.name || target?.email || "this account"}?`}
      description="They are signed out at once and can't sign in until you enable the account again. Nothing they wrote is deleted."
    >
      {disable.isError ? <Alert tone="error">{disable.error.message}</Alert> : null}
      <FormActions>
        <Button
          variant="danger"
          pending={disable.isPending}
          onClick={() => {
            if (target) disable.mutate({ user: target, disabled: true }, { onSuccess: onClose });
          }}
        >
          Disable account
        </Button>
        <Button variant="ghost" onClick={onClose} disabled={disable.isPending}>
          Cancel
        </Button>
      </FormActions>
    </Dialog>
  );
}
