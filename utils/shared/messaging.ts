/**
 * One messenger per direction (see protocol.ts): `toBackground` is what content scripts
 * and pages send to the background, `toTab` what the background and pages send to one
 * tab's content script. Sending a message the wrong way does not compile.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol, TabProtocol } from './protocol';

export const toBackground = defineExtensionMessaging<BackgroundProtocol>();
export const toTab = defineExtensionMessaging<TabProtocol>();
