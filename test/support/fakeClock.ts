/** A clock tests move by hand (the core and the scheduler take time from an injected clock). */
export class FakeClock {
  constructor(private at: number) {}
  now = (): Date => new Date(this.at);
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}
