import type { ComponentProps } from 'react'

export type IconProps = ComponentProps<'svg'>

function Svg({ children, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  )
}

export const CopyIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V4A1.5 1.5 0 0 0 9 2.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
  </Svg>
)
export const CheckIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m3 8.5 3 3 7-7" />
  </Svg>
)
export const ChevronLeftIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m10 3-5 5 5 5" />
  </Svg>
)
export const ChevronRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m6 3 5 5-5 5" />
  </Svg>
)
export const SortIcon = ({ sortDirection: direction, ...p }: Omit<IconProps, "direction"> & { sortDirection: "asc" | "desc" | false }) => (
  <Svg {...p}>
    {/* Sorted: the one arrow of its direction. Sortable but not sorted: both, muted. */}
    <path d="m5 6 3-3 3 3" opacity={direction === 'desc' ? 0 : direction === 'asc' ? 1 : 0.5} />
    <path d="m5 10 3 3 3-3" opacity={direction === 'asc' ? 0 : direction === 'desc' ? 1 : 0.5} />
  </Svg>
)
export const SunIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
  </Svg>
)
export const MoonIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M13.5 9.5A6 6 0 0 1 6.5 2.5a6 6 0 1 0 7 7Z" />
  </Svg>
)
export const MonitorIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="1.5" y="2.5" width="13" height="9" rx="1.5" />
    <path d="M5.5 14.5h5M8 11.5v3" />
  </Svg>
)
export const RefreshIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M13.5 8A5.5 5.5 0 1 1 12 4.2" />
    <path d="M13.5 2v3h-3" />
  </Svg>
)
export const TrashIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />
  </Svg>
)
export const PlusIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 3v10M3 8h10" />
  </Svg>
)
export const AlertIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 1.8 15 14H1L8 1.8Z" />
    <path d="M8 6v3.5M8 11.8v.2" />
  </Svg>
)
export const SearchIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3.5 3.5" />
  </Svg>
)
export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Svg>
)
export const LayersIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 1.5 14.5 5 8 8.5 1.5 5 8 1.5Z" />
    <path d="m1.5 8 6.5 3.5L14.5 8M1.5 11l6.5 3.5 6.5-3.5" />
  </Svg>
)
