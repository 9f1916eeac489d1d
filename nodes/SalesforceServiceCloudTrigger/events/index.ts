import { caseClosed } from './caseClosed';
import { chatEnded } from './chatEnded';
import { messagingSessionEnded } from './messagingSessionEnded';
import { recordCreated } from './recordCreated';
import { recordUpdated } from './recordUpdated';
import type { TriggerEvent } from './triggerEvent';

/** The trigger's events, in the order the Event list shows them; the first is the default. */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	caseClosed,
	recordCreated,
	recordUpdated,
	chatEnded,
	messagingSessionEnded,
];

/** The event stored in the workflow; a workflow saved before the Event choice existed is Case Closed. */
export function eventNamed(value: unknown): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((e) => e.option.value === (value ?? TRIGGER_EVENTS[0].option.value));
}
