import { Grid } from 'antd';

/** A phone-sized screen: only when a breakpoint positively says so (jsdom and first renders count as wide). */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return Boolean(screens.xs || screens.sm) && !screens.md;
}
