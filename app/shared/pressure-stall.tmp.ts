// TEMPORARY until i19-psi-native is merged: the collector's PSI types as its API fixes them. Deleted on merge.
export interface PressureLine {
  avg10: number;
  avg60: number;
  avg300: number;
  /** Seconds. */
  total: number;
}
export interface PressureResource {
  some: PressureLine | null;
  full: PressureLine | null;
}
export interface PressureStall {
  cpu: PressureResource | null;
  memory: PressureResource | null;
  io: PressureResource | null;
  irq: PressureResource | null;
}
