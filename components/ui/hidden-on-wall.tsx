"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

/** True on the overview's wall-screen mode (`/?display=wall`): big type, no navigation or controls. */
export function useWallDisplay(): boolean {
  const params = useSearchParams();
  return usePathname() === "/" && params.get("display") === "wall";
}

export function HiddenOnWall({ children }: { children: ReactNode }) {
  return useWallDisplay() ? null : children;
}
