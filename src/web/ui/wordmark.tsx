import { Link } from "@tanstack/react-router";

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="wordmark-mark"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" fill="#2948b8" />
      <circle cx="11" cy="20" r="5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="23" cy="20" r="3" fill="#fff" />
      <path
        d="M11 20 L17 10 H22"
        fill="none"
        stroke="#fff"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Wordmark({ to = "/" }: { to?: string }) {
  return (
    <Link to={to} className="wordmark" aria-label="Sidecar home">
      <Logo />
      <span aria-hidden="true">Sidecar</span>
    </Link>
  );
}
