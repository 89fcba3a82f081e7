/** Back/forward within the side panel, as a pure reducer. */
export type PanelView =
  { kind: 'page' } | { kind: 'story' } | { kind: 'search'; query: string } | { kind: 'entity'; key: string };

export interface NavState {
  stack: PanelView[];
  index: number;
}

export type NavAction =
  | { type: 'go'; view: PanelView }
  | { type: 'back' }
  | { type: 'forward' }
  /** Replaces the current view (typing in search should not fill the history). */
  | { type: 'replace'; view: PanelView };

export const initialNav: NavState = { stack: [{ kind: 'page' }], index: 0 };

const same = (a: PanelView | undefined, b: PanelView) => JSON.stringify(a) === JSON.stringify(b);

export function navigate(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'go': {
      if (same(state.stack[state.index], action.view)) return state;
      const stack = [...state.stack.slice(0, state.index + 1), action.view].slice(-50);
      return { stack, index: stack.length - 1 };
    }
    case 'replace': {
      const stack = [...state.stack];
      stack[state.index] = action.view;
      return { stack, index: state.index };
    }
    case 'back':
      return state.index > 0 ? { ...state, index: state.index - 1 } : state;
    case 'forward':
      return state.index < state.stack.length - 1 ? { ...state, index: state.index + 1 } : state;
  }
}

export const currentView = (state: NavState): PanelView => state.stack[state.index] ?? { kind: 'page' };
