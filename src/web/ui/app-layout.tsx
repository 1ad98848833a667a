import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import {
  BookOpen,
  BookOpenCheck,
  Briefcase,
  Building2,
  ChartGantt,
  Compass,
  Contact,
  Database,
  Flag,
  GraduationCap,
  Handshake,
  Home,
  Inbox,
  ListChecks,
  Menu,
  MessageSquareHeart,
  Mic,
  Mountain,
  NotebookPen,
  Radar,
  Search,
  Share2,
  ShieldCheck,
  Siren,
  Stethoscope,
  User,
  UserRoundCheck,
  Users,
  UsersRound,
  X,
} from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { useMe } from "../session.ts";
import { AccountMenu } from "./account-menu.tsx";
import { InShellContext } from "./shell-context.tsx";
import { useToast } from "./toast.tsx";
import { Wordmark } from "./wordmark.tsx";

function NavLink({
  to,
  icon,
  children,
  exact = false,
}: {
  to: string;
  icon: ReactNode;
  children: ReactNode;
  exact?: boolean;
}) {
  return (
    <li>
      <Link to={to} className="nav-link" activeOptions={{ exact, includeSearch: false }}>
        {icon}
        {children}
      </Link>
    </li>
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  return async () => {
    const { authClient } = await import("../auth-client.ts");
    const { error } = await authClient.signOut();
    if (error && error.status !== 401) {
      toast({ title: "Sign out failed", description: "Check your connection and try again.", tone: "error" });
      return;
    }
    queryClient.clear();
    await navigate({ to: "/sign-in" });
    toast({ title: "You're signed out" });
  };
}

export function AppLayout() {
  const { user } = useMe();
  const signOut = useSignOut();
  const [navOpen, setNavOpen] = useState(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // On every page change: close the phone menu, and move focus to the new page so a screen reader starts there.
  useEffect(() => {
    setNavOpen(false);
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setNavOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navOpen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-start">
          <button
            type="button"
            className="button button-ghost button-icon nav-toggle"
            aria-expanded={navOpen}
            aria-controls="app-nav"
            aria-label={navOpen ? "Close navigation" : "Open navigation"}
            onClick={() => setNavOpen((open) => !open)}
          >
            {navOpen ? <X size={20} aria-hidden="true" /> : <Menu size={20} aria-hidden="true" />}
          </button>
          <Wordmark />
        </div>
        <div className="app-header-end">
          <NotificationBell />
          <AccountMenu user={user} onSignOut={signOut} />
        </div>
      </header>
      <div className="app-body">
        <nav id="app-nav" className="sidebar" aria-label="Main" data-open={navOpen}>
          <div className="nav-section">
            <ul className="nav-list">
              <NavLink to="/" exact icon={<Home size={18} aria-hidden="true" />}>
                Home
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-plan">
              Plan
            </p>
            <ul className="nav-list" aria-labelledby="nav-plan">
              <NavLink to="/plan" icon={<Compass size={18} aria-hidden="true" />}>
                Career plan
              </NavLink>
              <NavLink to="/tours" icon={<Flag size={18} aria-hidden="true" />}>
                Tours of duty
              </NavLink>
              <NavLink to="/roadmap" icon={<ChartGantt size={18} aria-hidden="true" />}>
                Roadmap
              </NavLink>
              <NavLink to="/decisions" icon={<BookOpenCheck size={18} aria-hidden="true" />}>
                Decisions
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-grow">
              Strengths and experience
            </p>
            <ul className="nav-list" aria-labelledby="nav-grow">
              <NavLink to="/lanes" icon={<Radar size={18} aria-hidden="true" />}>
                Lanes
              </NavLink>
              <NavLink to="/portfolio" icon={<Briefcase size={18} aria-hidden="true" />}>
                Portfolio
              </NavLink>
              <NavLink to="/next-level" icon={<Mountain size={18} aria-hidden="true" />}>
                Next level
              </NavLink>
              <NavLink to="/feedback" icon={<MessageSquareHeart size={18} aria-hidden="true" />}>
                Feedback
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-mentoring">
              Mentoring
            </p>
            <ul className="nav-list" aria-labelledby="nav-mentoring">
              <NavLink to="/mentors" icon={<Search size={18} aria-hidden="true" />}>
                Find a mentor
              </NavLink>
              <NavLink to="/mentoring/requests" icon={<Handshake size={18} aria-hidden="true" />}>
                Requests
              </NavLink>
              <NavLink to="/engagements" icon={<Users size={18} aria-hidden="true" />}>
                Engagements
              </NavLink>
              <NavLink to="/urgent-calls" icon={<Siren size={18} aria-hidden="true" />}>
                911 calls
              </NavLink>
              <NavLink to="/mentoring/profile" icon={<GraduationCap size={18} aria-hidden="true" />}>
                My mentor profile
              </NavLink>
              <NavLink to="/mentoring/log" icon={<NotebookPen size={18} aria-hidden="true" />}>
                Mentoring others
              </NavLink>
              <NavLink to="/communities" icon={<UsersRound size={18} aria-hidden="true" />}>
                Communities
              </NavLink>
              <NavLink to="/programs" icon={<Users size={18} aria-hidden="true" />}>
                Programs
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-story">
              Story and diagnostics
            </p>
            <ul className="nav-list" aria-labelledby="nav-story">
              <NavLink to="/story" exact icon={<BookOpen size={18} aria-hidden="true" />}>
                Career story
              </NavLink>
              <NavLink to="/story/thought-leadership" icon={<Mic size={18} aria-hidden="true" />}>
                Thought leadership
              </NavLink>
              <NavLink to="/diagnostics/promotion" icon={<Stethoscope size={18} aria-hidden="true" />}>
                Promotion blockers
              </NavLink>
              <NavLink to="/diagnostics/company" icon={<Building2 size={18} aria-hidden="true" />}>
                Company health
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-managers">
              Managers
            </p>
            <ul className="nav-list" aria-labelledby="nav-managers">
              <NavLink to="/managers" icon={<Contact size={18} aria-hidden="true" />}>
                My manager and reports
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-sharing">
              Sharing
            </p>
            <ul className="nav-list" aria-labelledby="nav-sharing">
              <NavLink to="/sharing" icon={<Share2 size={18} aria-hidden="true" />}>
                What I share
              </NavLink>
              <NavLink to="/shared" icon={<UserRoundCheck size={18} aria-hidden="true" />}>
                Shared with me
              </NavLink>
            </ul>
          </div>
          <div className="nav-section">
            <p className="nav-section-title" id="nav-account">
              Account
            </p>
            <ul className="nav-list" aria-labelledby="nav-account">
              <NavLink to="/profile" icon={<User size={18} aria-hidden="true" />}>
                Profile
              </NavLink>
              <NavLink to="/security" icon={<ShieldCheck size={18} aria-hidden="true" />}>
                Security
              </NavLink>
              <NavLink to="/settings/data" icon={<Database size={18} aria-hidden="true" />}>
                Your data
              </NavLink>
              <NavLink to="/glossary" icon={<BookOpen size={18} aria-hidden="true" />}>
                Glossary
              </NavLink>
            </ul>
          </div>
          {user.role === "admin" ? (
            <div className="nav-section">
              <p className="nav-section-title" id="nav-admin">
                Admin
              </p>
              <ul className="nav-list" aria-labelledby="nav-admin">
                <NavLink to="/admin/users" icon={<Users size={18} aria-hidden="true" />}>
                  Users
                </NavLink>
                <NavLink to="/admin/outbox" icon={<Inbox size={18} aria-hidden="true" />}>
                  Outbox
                </NavLink>
                <NavLink to="/admin/jobs" icon={<ListChecks size={18} aria-hidden="true" />}>
                  Jobs
                </NavLink>
              </ul>
            </div>
          ) : null}
        </nav>
        <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
          <div className="app-content">
            <InShellContext.Provider value={true}>
              <Outlet />
            </InShellContext.Provider>
          </div>
        </main>
      </div>
    </div>
  );
}
