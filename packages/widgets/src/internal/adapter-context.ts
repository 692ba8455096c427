import { createContext } from '@lit/context';
import type { BackendAdapter } from '@civic-pulse/core';

/** What `<civic-pulse-provider>` hands down to every element inside it. */
export const adapterContext = createContext<BackendAdapter | undefined>(Symbol.for('civic-pulse.adapter'));
