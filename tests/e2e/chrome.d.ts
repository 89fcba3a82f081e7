/* eslint-disable @typescript-eslint/no-explicit-any -- values read back from extension storage are checked by the tests themselves */
// The little of the `chrome` API that e2e tests evaluate inside the extension's worker and pages,
// and the benchmark's floor extensions use.
declare const chrome: {
  storage: {
    local: {
      get(key?: string | string[]): Promise<Record<string, any>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    session: {
      get(key?: string | string[]): Promise<Record<string, any>>;
      remove(key: string): Promise<void>;
    };
  };
  runtime: {
    id: string;
    getURL(path: string): string;
    // The benchmark's floor extensions (bench/floor-*.ts) message their own worker.
    sendMessage(message: unknown): Promise<any>;
    onInstalled: { addListener(listener: () => void): void };
    onMessage: {
      addListener(
        listener: (message: any, sender: unknown, reply: (answer: unknown) => void) => boolean,
      ): void;
    };
  };
  tabs: { query(filter: Record<string, unknown>): Promise<{ id?: number; windowId?: number }[]> };
};
